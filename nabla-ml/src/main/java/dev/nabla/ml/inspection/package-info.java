/** Model inspection: {@link dev.nabla.ml.inspection.PermutationImportance} for any fitted predictor. */
package dev.nabla.ml.inspection;
