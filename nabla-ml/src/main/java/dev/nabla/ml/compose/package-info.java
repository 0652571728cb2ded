/**
 * sklearn.compose and FeatureUnion: {@link dev.nabla.ml.compose.ColumnTransformer} sends column subsets
 * (by index, or by name from a nabla-data Table) to their own transformers; {@link dev.nabla.ml.compose.FeatureUnion}
 * puts the outputs of several transformers of the same X side by side.
 */
package dev.nabla.ml.compose;
