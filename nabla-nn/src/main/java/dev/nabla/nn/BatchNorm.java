package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * Batch normalisation over dim 1 (channels), shared by {@link BatchNorm1d} and {@link BatchNorm2d}.
 * Training normalises with the batch mean and biased variance and updates the running statistics with
 * the unbiased variance, as PyTorch; eval normalises with the running statistics.
 */
public abstract class BatchNorm extends Layer {
    /** PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public record Options(double eps, double momentum, boolean affine, boolean trackRunningStats) {
        public Options {
            if (!(eps > 0)) throw new IllegalArgumentException("BatchNorm.Options: eps must be positive, got " + eps);
            if (!(momentum >= 0 && momentum <= 1)) throw new IllegalArgumentException("BatchNorm.Options: momentum must be in [0, 1], got " + momentum);
        }
        public static Options defaults() { return new Options(1e-5, 0.1, true, true); }
        public Options withEps(double e) { return new Options(e, momentum, affine, trackRunningStats); }
        public Options withMomentum(double m) { return new Options(eps, m, affine, trackRunningStats); }
        public Options withAffine(boolean a) { return new Options(eps, momentum, a, trackRunningStats); }
        public Options withTrackRunningStats(boolean t) { return new Options(eps, momentum, affine, t); }
    }

    private final int numFeatures;
    private final Options options;

    protected BatchNorm(int numFeatures, Options options) {
        if (numFeatures <= 0) throw new IllegalArgumentException(getClass().getSimpleName() + ": numFeatures must be positive, got " + numFeatures);
        this.numFeatures = numFeatures;
        this.options = options;
        registerParameter("weight", options.affine() ? Nabla.ones(numFeatures) : null);
        registerParameter("bias", options.affine() ? Nabla.zeros(numFeatures) : null);
        boolean track = options.trackRunningStats();
        registerBuffer("running_mean", track ? Nabla.zeros(numFeatures) : null);
        registerBuffer("running_var", track ? Nabla.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", track ? Nabla.zeros(DType.INT64) : null);
    }

    /** Whether an input of this rank is accepted (e.g. 2 or 3 for BatchNorm1d). */
    protected abstract boolean acceptsRank(int rank);

    protected abstract String expectedRanks();

    public Tensor weight() { return param("weight"); }

    public Tensor bias() { return param("bias"); }

    public Tensor runningMean() { return buffer("running_mean"); }

    public Tensor runningVar() { return buffer("running_var"); }

    @Override
    public Tensor forward(Tensor x) {
        String name = getClass().getSimpleName();
        if (!acceptsRank(x.dim()) || x.size(1) != numFeatures)
            throw new IllegalArgumentException(name + "(" + numFeatures + "): expected a " + expectedRanks() + " input with "
                    + numFeatures + " channels in dim 1, got shape " + Arrays.toString(x.shape()));
        int[] dims = new int[x.dim() - 1];
        dims[0] = 0;
        for (int d = 2; d < x.dim(); d++) dims[d - 1] = d;
        int[] channelShape = new int[x.dim()];
        Arrays.fill(channelShape, 1);
        channelShape[1] = numFeatures;

        Tensor mean, var;
        boolean useBatchStats = isTraining() || !options.trackRunningStats();
        if (useBatchStats) {
            long perChannel = x.numel() / numFeatures;
            if (isTraining() && perChannel <= 1)
                throw new IllegalArgumentException(name + ": expected more than 1 value per channel when training, got input shape "
                        + Arrays.toString(x.shape()));
            mean = x.mean(dims, true);
            var = x.var(dims, false, true);
            if (isTraining() && options.trackRunningStats()) updateRunningStats(mean, var, perChannel);
        } else {
            mean = runningMean().reshape(channelShape);
            var = runningVar().reshape(channelShape);
        }
        Tensor y = x.sub(mean).mul(var.add(options.eps()).rsqrt());
        if (options.affine()) y = y.mul(weight().reshape(channelShape)).add(bias().reshape(channelShape));
        return y;
    }

    private void updateRunningStats(Tensor mean, Tensor biasedVar, long perChannel) {
        double m = options.momentum();
        try (var g = Nabla.noGrad()) {
            // The running variance is the unbiased estimate, as in PyTorch.
            Tensor unbiased = biasedVar.detach().reshape(numFeatures).mul((double) perChannel / (perChannel - 1));
            runningMean().mul_(1 - m).add_(mean.detach().reshape(numFeatures).mul(m));
            runningVar().mul_(1 - m).add_(unbiased.mul(m));
            buffer("num_batches_tracked").add_(1);
        }
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + py(options.eps()) + ", momentum=" + py(options.momentum()) + ", affine=" + py(options.affine())
                + ", track_running_stats=" + py(options.trackRunningStats());
    }
}
