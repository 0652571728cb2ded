package dev.nabla.ml.tree;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Labels;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Validation;
import dev.nabla.ml.linear.ClassWeight;

/**
 * A CART classification tree (sklearn's DecisionTreeClassifier, splitter='best'): each node takes the
 * split with the largest impurity decrease over maxFeatures randomly ordered features; equally good
 * splits go to the first found in that order, as in sklearn.
 */
public final class DecisionTreeClassifier extends BaseEstimator<DecisionTreeClassifier, DecisionTreeClassifier.Options> implements Classifier {
    /** @param maxDepth null for unlimited; @param randomState seeds the per-node feature order */
    public record Options(Criterion criterion, Integer maxDepth, int minSamplesSplit, int minSamplesLeaf, MaxFeatures maxFeatures,
                          long randomState, ClassWeight classWeight) {
        public Options {
            TreeBuilder.Growth.check("DecisionTreeClassifier", criterion, true, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
            if (classWeight == null) throw new IllegalArgumentException("DecisionTreeClassifier: classWeight must not be null");
        }

        public Options() {
            this(Criterion.GINI, null, 2, 1, MaxFeatures.ALL, 0, ClassWeight.NONE);
        }

        public Options criterion(Criterion v) { return new Options(v, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState, classWeight); }
        public Options maxDepth(Integer v) { return new Options(criterion, v, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState, classWeight); }
        public Options minSamplesSplit(int v) { return new Options(criterion, maxDepth, v, minSamplesLeaf, maxFeatures, randomState, classWeight); }
        public Options minSamplesLeaf(int v) { return new Options(criterion, maxDepth, minSamplesSplit, v, maxFeatures, randomState, classWeight); }
        public Options maxFeatures(MaxFeatures v) { return new Options(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, v, randomState, classWeight); }
        public Options randomState(long v) { return new Options(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, v, classWeight); }
        public Options classWeight(ClassWeight v) { return new Options(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState, v); }
    }

    private Labels labels;
    private Tree tree;
    private int nFeatures;

    public DecisionTreeClassifier() {
        this(new Options());
    }

    public DecisionTreeClassifier(Options options) {
        super(options);
    }

    @Override
    protected DecisionTreeClassifier withOptions(Options o) {
        return new DecisionTreeClassifier(o);
    }

    @Override
    public DecisionTreeClassifier fit(Tensor x, Tensor y) {
        Matrix m = Validation.featuresReadOnly(name(), x); // only read, never kept
        double[] target = Validation.target(name(), y, m.rows());
        labels = Labels.fit(name(), target, y.dtype(), 1);
        int[] codes = labels.encode(name(), target);
        double[] weights = options.classWeight().equals(ClassWeight.NONE) ? null : options.classWeight().sampleWeights(name(), labels.classes(), codes);
        nFeatures = m.cols();
        TreeBuilder.Growth g = TreeBuilder.Growth.of(name(), options.criterion(), options.maxDepth(), options.minSamplesSplit(),
                options.minSamplesLeaf(), options.maxFeatures(), nFeatures, false);
        tree = TreeBuilder.classification(Columns.of(m), codes, labels.size(), weights, TreePredictions.allSamples(m.rows(), weights), g, options.randomState());
        markFitted();
        return this;
    }

    @Override
    public Tensor predictProba(Tensor x) {
        double[] p = TreePredictions.proba(tree, features(x, "predictProba"));
        return Nabla.tensor(p, p.length / labels.size(), labels.size());
    }

    @Override
    public Tensor predict(Tensor x) {
        double[] p = TreePredictions.proba(tree, features(x, "predict"));
        return labels.decode(TreePredictions.argmax(p, labels.size()));
    }

    /** Trees have no margin: the positive-class probability for two classes, else all probabilities. */
    @Override
    public Tensor decisionFunction(Tensor x) {
        Tensor p = predictProba(x);
        return labels.size() == 2 ? p.select(1, 1).contiguous() : p;
    }

    /** The leaf id each sample reaches (sklearn's apply). */
    public Tensor apply(Tensor x) {
        return TreePredictions.leaves(tree, features(x, "apply"));
    }

    @Override
    public Tensor classes() {
        requireFitted("classes");
        return labels.asTensor();
    }

    /** Impurity-based importances (mean decrease in impurity), summing to 1. */
    public Tensor featureImportances() {
        requireFitted("featureImportances");
        double[] imp = tree.featureImportances(nFeatures);
        return Nabla.tensor(imp, imp.length);
    }

    /** The fitted structure: node arrays as sklearn's tree_. */
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
        out.put("labels", labels).put("nFeatures", nFeatures).put("tree", tree);
    }

    @Override
    protected void loadState(State in) {
        labels = in.get("labels", Labels.class);
        nFeatures = in.integer("nFeatures");
        tree = in.get("tree", Tree.class);
    }
}
