/**
 * CART decision trees with scikit-learn's contract: {@link dev.nabla.ml.tree.DecisionTreeClassifier}
 * (gini, entropy) and {@link dev.nabla.ml.tree.DecisionTreeRegressor} (squared error). X is cast to
 * float32 columns as sklearn does; the fitted {@link dev.nabla.ml.tree.Tree} is flat node arrays;
 * {@link dev.nabla.ml.tree.TreeBuilder} is shared with the forests of {@code dev.nabla.ml.ensemble}.
 */
package dev.nabla.ml.tree;
