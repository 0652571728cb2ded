/**
 * sklearn.preprocessing and sklearn.impute: scalers, normalizer, categorical encoders, imputer and
 * polynomial features. All are {@link dev.nabla.ml.Transformer}s except LabelEncoder, which works on y.
 * Categories are numeric codes until Nabla has a string column type.
 */
package dev.nabla.ml.preprocessing;
