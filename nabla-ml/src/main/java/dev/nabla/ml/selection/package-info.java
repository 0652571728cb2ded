/** sklearn.model_selection: KFold, StratifiedKFold, trainTestSplit and crossValScore. */
package dev.nabla.ml.selection;
