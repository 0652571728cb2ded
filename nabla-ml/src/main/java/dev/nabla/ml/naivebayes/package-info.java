/** Naive Bayes classifiers as sklearn's: Gaussian, multinomial and Bernoulli event models. */
package dev.nabla.ml.naivebayes;
