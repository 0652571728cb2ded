/** {@link dev.nabla.ml.pipeline.Pipeline}: chains transformers and a final estimator under step names. */
package dev.nabla.ml.pipeline;
