/** sklearn.metrics: {@link dev.nabla.ml.metrics.Metrics} for classification, ranking and regression scores. */
package dev.nabla.ml.metrics;
