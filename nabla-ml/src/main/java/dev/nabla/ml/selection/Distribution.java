package dev.nabla.ml.selection;

import dev.nabla.Generator;

/**
 * A distribution RandomizedSearchCV samples a hyper-parameter from (scipy.stats' role); a plain List is
 * sampled uniformly instead. Draws come from the search's seeded Generator on the calling thread.
 */
public sealed interface Distribution {
    Object sample(Generator g);

    /** Uniform on [low, high). */
    static Distribution uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** Log-uniform on [low, high): each decade equally likely, the usual prior for C or alpha. */
    static Distribution logUniform(double low, double high) {
        return new LogUniform(low, high);
    }

    /** Integers low, low + 1, ..., high - 1, equally likely (scipy's randint). */
    static Distribution intRange(int low, int high) {
        return new IntRange(low, high);
    }

    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!(low < high) || !Double.isFinite(high - low)) throw new IllegalArgumentException("uniform: need finite low < high, got " + low + ", " + high);
        }

        @Override
        public Object sample(Generator g) {
            return low + (high - low) * g.nextDouble();
        }
    }

    record LogUniform(double low, double high) implements Distribution {
        public LogUniform {
            if (!(low > 0 && low < high) || Double.isInfinite(high)) throw new IllegalArgumentException("logUniform: need 0 < low < high, got " + low + ", " + high);
        }

        @Override
        public Object sample(Generator g) {
            return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * g.nextDouble());
        }
    }

    record IntRange(int low, int high) implements Distribution {
        public IntRange {
            if (low >= high) throw new IllegalArgumentException("intRange: need low < high (high is exclusive), got " + low + ", " + high);
        }

        @Override
        public Object sample(Generator g) {
            return low + g.nextInt(high - low);
        }
    }
}
