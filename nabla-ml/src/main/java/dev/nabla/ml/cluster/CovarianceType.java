package dev.nabla.ml.cluster;

/** The shape of each Gaussian's covariance in a {@link GaussianMixture}. */
public enum CovarianceType {
    /** Each component has its own general covariance matrix. */
    FULL,
    /** All components share one general covariance matrix. */
    TIED,
    /** Each component has its own diagonal covariance. */
    DIAG,
    /** Each component has its own single variance. */
    SPHERICAL
}
