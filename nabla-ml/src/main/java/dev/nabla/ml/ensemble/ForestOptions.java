package dev.nabla.ml.ensemble;

import dev.nabla.ml.Check;
import dev.nabla.ml.tree.Criterion;
import dev.nabla.ml.tree.MaxFeatures;
import dev.nabla.ml.tree.TreeBuilder;

/** The hyper-parameters every forest's Options record has (records implement it through their accessors). */
public interface ForestOptions {
    int nEstimators();

    Criterion criterion();

    Integer maxDepth();

    int minSamplesSplit();

    int minSamplesLeaf();

    MaxFeatures maxFeatures();

    boolean bootstrap();

    boolean oobScore();

    long randomState();

    /** The compact-constructor checks shared by all forests. */
    static void check(String owner, int nEstimators, Criterion criterion, boolean classification, Integer maxDepth, int minSamplesSplit,
                      int minSamplesLeaf, MaxFeatures maxFeatures, boolean bootstrap, boolean oobScore) {
        Check.positive(owner, "nEstimators", nEstimators);
        TreeBuilder.Growth.check(owner, criterion, classification, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
        if (oobScore && !bootstrap) throw new IllegalArgumentException(owner + ": oobScore needs bootstrap=true (without bootstrap no sample is out of bag)");
    }
}
