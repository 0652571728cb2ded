package dev.nabla.ml;

import java.util.Map;

/**
 * scikit-learn's estimator contract. Hyper-parameters are fixed at construction (an immutable
 * {@code Options} record); {@code fit} learns state into the estimator and returns it; every other
 * call on an unfitted estimator throws {@link NotFittedException}.
 */
public interface Estimator {
    /** The hyper-parameters in declaration order; composites add nested {@code "step.param"} entries. */
    Map<String, Object> getParams();

    /** A new, unfitted estimator with these hyper-parameters changed; validated like the constructor. */
    Estimator setParams(Map<String, ?> changes);

    /** One hyper-parameter changed; see {@link #setParams}. */
    default Estimator setParam(String name, Object value) {
        return setParams(Map.of(name, value));
    }

    /** sklearn's {@code clone}: a new, unfitted estimator with the same hyper-parameters. */
    Estimator clone();

    boolean isFitted();
}
