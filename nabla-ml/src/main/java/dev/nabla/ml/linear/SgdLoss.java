package dev.nabla.ml.linear;

/**
 * The losses of sklearn's SGD (loss(p, y) and its derivative in p), y = ±1 for the classification ones.
 * {@code epsilon} is the Huber threshold or the insensitive tube's half-width; the others ignore it.
 */
public enum SgdLoss {
    HINGE, LOG_LOSS, MODIFIED_HUBER, SQUARED_ERROR, HUBER, EPSILON_INSENSITIVE;

    boolean forClassification() {
        return this == HINGE || this == LOG_LOSS || this == MODIFIED_HUBER;
    }

    double loss(double p, double y, double epsilon) {
        double z = p * y, r = p - y;
        return switch (this) {
            case HINGE -> z <= 1 ? 1 - z : 0;
            case LOG_LOSS -> z > 18 ? Math.exp(-z) : z < -18 ? -z : Math.log1p(Math.exp(-z));
            case MODIFIED_HUBER -> z >= 1 ? 0 : z >= -1 ? (1 - z) * (1 - z) : -4 * z;
            case SQUARED_ERROR -> 0.5 * r * r;
            case HUBER -> Math.abs(r) <= epsilon ? 0.5 * r * r : epsilon * Math.abs(r) - 0.5 * epsilon * epsilon;
            case EPSILON_INSENSITIVE -> Math.max(0, Math.abs(y - p) - epsilon);
        };
    }

    double dloss(double p, double y, double epsilon) {
        double z = p * y, r = p - y;
        return switch (this) {
            case HINGE -> z <= 1 ? -y : 0;
            // the cut-offs are sklearn's: they keep exp from overflowing without changing the value
            case LOG_LOSS -> z > 18 ? -y * Math.exp(-z) : z < -18 ? -y : -y / (Math.exp(z) + 1);
            case MODIFIED_HUBER -> z >= 1 ? 0 : z >= -1 ? 2 * (1 - z) * -y : -4 * y;
            case SQUARED_ERROR -> r;
            case HUBER -> Math.abs(r) <= epsilon ? r : r > 0 ? epsilon : -epsilon;
            case EPSILON_INSENSITIVE -> y - p > epsilon ? -1 : p - y > epsilon ? 1 : 0;
        };
    }
}
