package dev.nabla.ml.ensemble;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import dev.nabla.ml.metrics.Metrics;
import dev.nabla.ml.tree.Columns;
import dev.nabla.ml.tree.Tree;
import dev.nabla.ml.tree.TreeBuilder;

/** The shared body of RandomForestRegressor and ExtraTreesRegressor: the mean of trees grown in parallel. */
public abstract class ForestRegressor<E extends ForestRegressor<E, O>, O extends Record & ForestOptions>
        extends BaseEstimator<E, O> implements Regressor {
    private Tree[] trees;
    private int nFeatures;
    private double oobScore = Double.NaN;

    protected ForestRegressor(O options) {
        super(options);
    }

    /** True for extra trees: one random threshold per candidate feature instead of the best one. */
    protected abstract boolean randomThresholds();

    @Override
    public E fit(Tensor x, Tensor y) {
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        double[] target = Validation.target(name(), y, m.rows());
        nFeatures = m.cols();
        TreeBuilder.Growth g = Forest.growth(name(), options, nFeatures, randomThresholds());
        Columns cols = Columns.of(m);
        Forest.Grown grown = Forest.grow(m.rows(), options.nEstimators(), options.bootstrap(), options.oobScore(), null, options.randomState(),
                (w, samples, seed) -> TreeBuilder.regression(cols, target, w, samples, g, seed));
        trees = grown.trees();
        if (options.oobScore()) {
            double[] oob = Forest.outOfBag(grown, m, 1, false);
            oobScore = Metrics.r2(y.toDouble(), Nabla.tensor(oob, oob.length));
        }
        markFitted();
        @SuppressWarnings("unchecked") E self = (E) this;
        return self;
    }

    @Override
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        Validation.featureCount(name(), m, nFeatures);
        double[] p = Forest.regression(trees, m);
        return Nabla.tensor(p, p.length);
    }

    /** Mean decrease in squared error averaged over trees, summing to 1. */
    public Tensor featureImportances() {
        requireFitted("featureImportances");
        double[] imp = Forest.importances(trees, nFeatures);
        return Nabla.tensor(imp, imp.length);
    }

    /** R2 of the out-of-bag predictions (needs oobScore=true). */
    public double oobScore() {
        requireFitted("oobScore");
        if (!options.oobScore()) throw new IllegalStateException(name() + ": oobScore was not computed; fit with oobScore=true");
        return oobScore;
    }

    public Tree[] estimators() {
        requireFitted("estimators");
        return trees.clone();
    }

    @Override
    protected void saveState(State out) {
        out.put("nFeatures", nFeatures).put("oobScore", Double.isNaN(oobScore) ? null : oobScore).put("trees", trees);
    }

    @Override
    protected void loadState(State in) {
        nFeatures = in.integer("nFeatures");
        Double oob = in.get("oobScore", Double.class);
        oobScore = oob == null ? Double.NaN : oob;
        trees = in.get("trees", Tree[].class);
    }
}
