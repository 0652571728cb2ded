package dev.nabla.ml.ensemble;

import dev.nabla.ml.tree.Criterion;
import dev.nabla.ml.tree.MaxFeatures;

/** Extremely randomised regression trees (sklearn's ExtraTreesRegressor): random thresholds, all rows and features by default. */
public final class ExtraTreesRegressor extends ForestRegressor<ExtraTreesRegressor, ExtraTreesRegressor.Options> {
    /** sklearn 1.2's defaults: 100 trees, unlimited depth, maxFeatures all, bootstrap false. */
    public record Options(int nEstimators, Criterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf, MaxFeatures maxFeatures,
                          boolean bootstrap, boolean oobScore, long randomState) implements ForestOptions {
        public Options {
            ForestOptions.check("ExtraTreesRegressor", nEstimators, criterion, false, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore);
        }

        public Options() {
            this(100, Criterion.SQUARED_ERROR, null, 2, 1, MaxFeatures.ALL, false, false, 0);
        }

        public Options nEstimators(int v) { return new Options(v, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState); }
        public Options criterion(Criterion v) { return new Options(nEstimators, v, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState); }
        public Options maxDepth(Integer v) { return new Options(nEstimators, criterion, v, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState); }
        public Options minSamplesSplit(int v) { return new Options(nEstimators, criterion, maxDepth, v, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState); }
        public Options minSamplesLeaf(int v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, v, maxFeatures, bootstrap, oobScore, randomState); }
        public Options maxFeatures(MaxFeatures v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, bootstrap, oobScore, randomState); }
        public Options bootstrap(boolean v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, v, oobScore, randomState); }
        public Options oobScore(boolean v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, v, randomState); }
        public Options randomState(long v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, v); }
    }

    public ExtraTreesRegressor() {
        this(new Options());
    }

    public ExtraTreesRegressor(Options options) {
        super(options);
    }

    @Override
    protected ExtraTreesRegressor withOptions(Options o) {
        return new ExtraTreesRegressor(o);
    }

    @Override
    protected boolean randomThresholds() {
        return true;
    }
}
