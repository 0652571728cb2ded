/**
 * Synthetic data with scikit-learn's algorithms ({@code make_classification}, {@code make_regression},
 * {@code make_blobs}) on a seeded {@link dev.nabla.Generator}: the same seed gives the same data here on
 * every machine, though not NumPy's numbers. Bundled real datasets (iris, digits, ...) live in nabla-data.
 */
package dev.nabla.ml.datasets;
