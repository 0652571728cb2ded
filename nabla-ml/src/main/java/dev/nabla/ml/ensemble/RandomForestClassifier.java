package dev.nabla.ml.ensemble;

import dev.nabla.ml.linear.ClassWeight;
import dev.nabla.ml.tree.Criterion;
import dev.nabla.ml.tree.MaxFeatures;

/** A random forest of CART classifiers (sklearn's RandomForestClassifier): bootstrap samples, sqrt(n_features) candidates per split. */
public final class RandomForestClassifier extends ForestClassifier<RandomForestClassifier, RandomForestClassifier.Options> {
    /** sklearn 1.2's defaults: 100 trees, unlimited depth, maxFeatures sqrt, bootstrap true. */
    public record Options(int nEstimators, Criterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf, MaxFeatures maxFeatures,
                          boolean bootstrap, boolean oobScore, long randomState, ClassWeight classWeight) implements ForestClassifier.Options {
        public Options {
            ForestOptions.check("RandomForestClassifier", nEstimators, criterion, true, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, oobScore);
            if (classWeight == null) throw new IllegalArgumentException("RandomForestClassifier: classWeight must not be null");
        }

        public Options() {
            this(100, Criterion.GINI, null, 2, 1, MaxFeatures.SQRT, true, false, 0, ClassWeight.NONE);
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

    public RandomForestClassifier() {
        this(new Options());
    }

    public RandomForestClassifier(Options options) {
        super(options);
    }

    @Override
    protected RandomForestClassifier withOptions(Options o) {
        return new RandomForestClassifier(o);
    }

    @Override
    protected boolean randomThresholds() {
        return false;
    }
}
