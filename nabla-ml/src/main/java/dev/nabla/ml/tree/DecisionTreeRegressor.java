package dev.nabla.ml.tree;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;

/** A CART regression tree minimising squared error (sklearn's DecisionTreeRegressor, splitter='best'). */
public final class DecisionTreeRegressor extends BaseEstimator<DecisionTreeRegressor, DecisionTreeRegressor.Options> implements Regressor {
    /** @param maxDepth null for unlimited; @param randomState seeds the per-node feature order */
    public record Options(Criterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf, MaxFeatures maxFeatures, long randomState) {
        public Options {
            TreeBuilder.Growth.check("DecisionTreeRegressor", criterion, false, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
        }

        public Options() {
            this(Criterion.SQUARED_ERROR, null, 2, 1, MaxFeatures.ALL, 0);
        }

        public Options criterion(Criterion v) { return new Options(v, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState); }
        public Options maxDepth(Integer v) { return new Options(criterion, v, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState); }
        public Options minSamplesSplit(int v) { return new Options(criterion, maxDepth, v, minSamplesLeaf, maxFeatures, randomState); }
        public Options minSamplesLeaf(int v) { return new Options(criterion, maxDepth, minSamplesSplit, v, maxFeatures, randomState); }
        public Options maxFeatures(MaxFeatures v) { return new Options(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, randomState); }
        public Options randomState(long v) { return new Options(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, v); }
    }

    private Tree tree;
    private int nFeatures;

    public DecisionTreeRegressor() {
        this(new Options());
    }

    public DecisionTreeRegressor(Options options) {
        super(options);
    }

    @Override
    protected DecisionTreeRegressor withOptions(Options o) {
        return new DecisionTreeRegressor(o);
    }

    @Override
    public DecisionTreeRegressor fit(Tensor x, Tensor y) {
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        double[] target = Validation.target(name(), y, m.rows());
        nFeatures = m.cols();
        TreeBuilder.Growth g = TreeBuilder.Growth.of(name(), options.criterion(), options.maxDepth(), options.minSamplesSplit(),
                options.minSamplesLeaf(), options.maxFeatures(), nFeatures, false);
        tree = TreeBuilder.regression(Columns.of(m), target, null, TreePredictions.allSamples(m.rows(), null), g, options.randomState());
        markFitted();
        return this;
    }

    @Override
    public Tensor predict(Tensor x) {
        double[] p = TreePredictions.regression(tree, features(x, "predict"));
        return Nabla.tensor(p, p.length);
    }

    /** The leaf id each sample reaches (sklearn's apply). */
    public Tensor apply(Tensor x) {
        return TreePredictions.leaves(tree, features(x, "apply"));
    }

    /** Impurity-based importances (mean decrease in squared error), summing to 1. */
    public Tensor featureImportances() {
        requireFitted("featureImportances");
        double[] imp = tree.featureImportances(nFeatures);
        return Nabla.tensor(imp, imp.length);
    }

    public Tree tree() {
        requireFitted("tree");
        return tree;
    }

    private Matrix features(Tensor x, String method) {
        requireFitted(method);
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        Validation.featureCount(name(), m, nFeatures);
        return m;
    }

    @Override
    protected void saveState(State out) {
        out.put("nFeatures", nFeatures).put("tree", tree);
    }

    @Override
    protected void loadState(State in) {
        nFeatures = in.integer("nFeatures");
        tree = in.get("tree", Tree.class);
    }
}
