package dev.nabla.ml.neighbors;

import dev.nabla.Tensor;
import dev.nabla.ml.Check;
import dev.nabla.ml.Validation;

/** Unsupervised neighbour search as sklearn's NearestNeighbors: fit on X, then {@link #kneighbors} / {@link #radiusNeighbors}. */
public final class NearestNeighbors extends NeighborsBase<NearestNeighbors, NearestNeighbors.Options> {
    private static final String NAME = "NearestNeighbors";

    /** @param radius the default radius of {@link #radiusNeighbors(Tensor)} */
    public record Options(int nNeighbors, double radius, Algorithm algorithm, int leafSize) {
        public Options {
            Check.positive(NAME, "nNeighbors", nNeighbors);
            Check.nonNegative(NAME, "radius", radius);
            Check.notNull(NAME, "algorithm", algorithm);
            Check.positive(NAME, "leafSize", leafSize);
        }

        public Options() {
            this(5, 1.0, Algorithm.AUTO, 30);
        }

        public Options nNeighbors(int v) { return new Options(v, radius, algorithm, leafSize); }
        public Options radius(double v) { return new Options(nNeighbors, v, algorithm, leafSize); }
        public Options algorithm(Algorithm v) { return new Options(nNeighbors, radius, v, leafSize); }
        public Options leafSize(int v) { return new Options(nNeighbors, radius, algorithm, v); }
    }

    public NearestNeighbors() {
        this(new Options());
    }

    public NearestNeighbors(Options options) {
        super(options);
    }

    @Override
    protected NearestNeighbors withOptions(Options o) {
        return new NearestNeighbors(o);
    }

    @Override
    Algorithm algorithmOption() {
        return options.algorithm();
    }

    @Override
    int leafSize() {
        return options.leafSize();
    }

    @Override
    int nNeighbors() {
        return options.nNeighbors();
    }

    public NearestNeighbors fit(Tensor x) {
        fitIndex(Validation.features(name(), x));
        markFitted();
        return this;
    }

    /** Neighbours within the options' radius. */
    public RadiusNeighbors radiusNeighbors(Tensor x) {
        return radiusNeighbors(x, options.radius());
    }
}
