package dev.nabla.ml.ensemble;

import dev.nabla.ml.linear.ClassWeight;
import dev.nabla.ml.tree.Criterion;
import dev.nabla.ml.tree.MaxFeatures;

/** Extremely randomised trees (sklearn's ExtraTreesClassifier): one uniform random threshold per candidate feature, all rows by default. */
public final class ExtraTreesClassifier extends ForestClassifier<ExtraTreesClassifier, ExtraTreesClassifier.Options> {
    /** sklearn 1.2's defaults: 100 trees, unlimited depth, maxFeatures sqrt, bootstrap false. */
    public record Options(int nEstimators, Criterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf, MaxFeatures maxFeatures,
                          boolean bootstrap, boolean oobScore, long randomState, ClassWeight classWeight) implements ForestClassifier.Options {
        public Options {
            ForestOptions.check("ExtraTreesClassifier", nEstimators, criterion, true, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore);
            if (classWeight == null) throw new IllegalArgumentException("ExtraTreesClassifier: classWeight must not be null");
        }

        public Options() {
            this(100, Criterion.GINI, null, 2, 1, MaxFeatures.SQRT, false, false, 0, ClassWeight.NONE);
        }

        public Options nEstimators(int v) { return new Options(v, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState, classWeight); }
        public Options criterion(Criterion v) { return new Options(nEstimators, v, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState, classWeight); }
        public Options maxDepth(Integer v) { return new Options(nEstimators, criterion, v, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState, classWeight); }
        public Options minSamplesSplit(int v) { return new Options(nEstimators, criterion, maxDepth, v, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState, classWeight); }
        public Options minSamplesLeaf(int v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, v, maxFeatures, bootstrap, oobScore, randomState, classWeight); }
        public Options maxFeatures(MaxFeatures v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, bootstrap, oobScore, randomState, classWeight); }
        public Options bootstrap(boolean v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, v, oobScore, randomState, classWeight); }
        public Options oobScore(boolean v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, v, randomState, classWeight); }
        public Options randomState(long v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, v, classWeight); }
        public Options classWeight(ClassWeight v) { return new Options(nEstimators, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore, randomState, v); }
    }

    public ExtraTreesClassifier() {
        this(new Options());
    }

    public ExtraTreesClassifier(Options options) {
        super(options);
    }

    @Override
    protected ExtraTreesClassifier withOptions(Options o) {
        return new ExtraTreesClassifier(o);
    }

    @Override
    protected boolean randomThresholds() {
        return true;
    }
}
