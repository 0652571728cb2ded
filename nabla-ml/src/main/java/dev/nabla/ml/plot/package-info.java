/**
 * PNG charts of model results, rendered headless with JFreeChart: {@link dev.nabla.ml.plot.ConfusionMatrixChart},
 * {@link dev.nabla.ml.plot.RocCurveChart} and {@link dev.nabla.ml.plot.FeatureImportanceChart}. Each has a
 * {@code chart(...)} that returns the JFreeChart to restyle and a {@code write(...)} that saves it
 * atomically through {@link dev.nabla.ml.plot.Png}.
 */
package dev.nabla.ml.plot;
