/**
 * sklearn.model_selection: KFold, StratifiedKFold, GroupKFold, trainTestSplit, crossValScore and
 * crossValidate (named {@link dev.nabla.ml.selection.Scorers}), GridSearchCV and RandomizedSearchCV.
 */
package dev.nabla.ml.selection;
