/**
 * Data for training: {@link dev.nabla.data.Dataset} and {@link dev.nabla.data.IterableDataset},
 * {@link dev.nabla.data.TensorDataset}, subsets and random splits, the {@link dev.nabla.data.DataLoader}
 * (batching, seeded shuffling, worker threads with ordered prefetch); readers for CSV
 * ({@link dev.nabla.data.Csv} into a typed {@link dev.nabla.data.Table}), IDX, NPY and NPZ; MNIST and
 * Fashion-MNIST with checksummed download; small datasets bundled in the jar
 * ({@link dev.nabla.data.BundledDatasets}); and image transforms (normalize, random crop, random flip).
 * Depends only on nabla-core (and Apache Commons CSV for parsing).
 */
package dev.nabla.data;
