package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import dev.nabla.data.Table;
import dev.nabla.cpu.Parallel;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.State;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.selection.CrossValidation.Scorer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What GridSearchCV and RandomizedSearchCV share: cross-validate every candidate setting, rank them by
 * mean test score, refit the best on all the data and predict with it.
 *
 * <p>All (candidate, fold) fits run on {@link Parallel}; each writes its own result slot and candidates
 * are drawn before the fits start, so cv results and the choice of best do not depend on the thread
 * count. A failing fit fails the search (sklearn's {@code error_score="raise"}): a silently NaN-scored
 * candidate hides bugs.
 */
public abstract class SearchCV<E extends SearchCV<E, O>, O extends Record> extends BaseEstimator<E, O> implements Classifier, Regressor {
    /**
     * The settings both searches take.
     *
     * @param scoring a scorer name (see {@link Scorers}); null uses the estimator's own score
     * @param cv      null: 5 folds, stratified for a classifier with integral labels (sklearn's check_cv)
     */
    protected record Settings(Predictor estimator, String scoring, CrossValidator cv, boolean refit, boolean returnTrainScore) {}

    private CvResults cvResults;
    private Map<String, Object> bestParams;
    private double bestScore;
    private Predictor bestEstimator;
    private double refitTime;

    protected SearchCV(O options) {
        super(options);
    }

    protected abstract Settings settings();

    /** The settings to try, in the order cv results list them. */
    protected abstract List<Map<String, Object>> candidates();

    @Override
    public E fit(Tensor x, Tensor y) {
        return search(settings().estimator(), x, y);
    }

    /**
     * Searches a Pipeline that reads a Table (a ColumnTransformer first step picks its columns by name):
     * the folds are cut from the table's rows, and the best pipeline is refitted on the whole table.
     */
    public E fit(Table x, Tensor y) {
        E self = search(new TableRows(x, tablePipeline("fit")), TableRows.rowNumbers(x), y);
        if (bestEstimator instanceof TableRows rows) bestEstimator = rows.pipeline();
        return self;
    }

    private Pipeline tablePipeline(String method) {
        if (settings().estimator() instanceof Pipeline p) return p;
        throw new IllegalArgumentException(name() + "." + method + ": a Table needs a Pipeline estimator (its first step a ColumnTransformer that"
                + " picks columns by name), got " + settings().estimator().getClass().getSimpleName() + "; pass table.toTensor() for numeric tables");
    }

    private E search(Predictor estimator, Tensor x, Tensor y) {
        Settings s = settings();
        List<Map<String, Object>> candidates = candidates();
        // build every candidate first, on this thread: a misspelt parameter fails before any fit runs
        List<Predictor> templates = new ArrayList<>(candidates.size());
        for (Map<String, Object> c : candidates) templates.add(estimator.setParams(c));
        CrossValidator cv = s.cv() != null ? s.cv() : CrossValidation.defaultCv(estimator, y);
        List<FoldData> folds = FoldData.of(x, y, cv.split(x, y));
        List<Scorer> scorer = List.of(s.scoring() == null ? Predictor::score : Scorers.get(s.scoring()));
        int k = folds.size();
        FoldResult[] results = new FoldResult[candidates.size() * k];
        Parallel.forRange(results.length, 1, (start, end) -> {
            for (int t = start; t < end; t++)
                results[t] = FoldResult.run(templates.get(t / k).clone(), folds.get(t % k), scorer, s.returnTrainScore());
        });
        cvResults = new CvResults(candidates, results, k, s.returnTrainScore());
        int best = cvResults.bestIndex();
        bestParams = Collections.unmodifiableMap(new LinkedHashMap<>(candidates.get(best)));
        bestScore = cvResults.column("mean_test_score")[best];
        bestEstimator = null;
        if (s.refit()) {
            long t0 = System.nanoTime();
            bestEstimator = templates.get(best).clone().fit(x, y);
            refitTime = (System.nanoTime() - t0) / 1e9;
        }
        markFitted();
        @SuppressWarnings("unchecked") E self = (E) this;
        return self;
    }

    public CvResults cvResults() {
        requireFitted("cvResults");
        return cvResults;
    }

    public Map<String, Object> bestParams() {
        requireFitted("bestParams");
        return bestParams;
    }

    /** The best candidate's mean cross-validated score. */
    public double bestScore() {
        requireFitted("bestScore");
        return bestScore;
    }

    public int bestIndex() {
        requireFitted("bestIndex");
        return cvResults.bestIndex();
    }

    /** The best candidate refitted on all the data; needs refit (the default). */
    public Predictor bestEstimator() {
        requireFitted("bestEstimator");
        if (bestEstimator == null) throw new IllegalStateException(name() + ": refit is off, so there is no best estimator; set refit to true");
        return bestEstimator;
    }

    /** Seconds the refit of the best candidate took. */
    public double refitTime() {
        bestEstimator();
        return refitTime;
    }

    private Classifier bestClassifier(String method) {
        if (bestEstimator() instanceof Classifier c) return c;
        throw new UnsupportedOperationException(name() + "." + method + ": the best estimator " + bestEstimator.getClass().getSimpleName() + " is not a classifier");
    }

    @Override
    public Tensor predict(Tensor x) {
        return bestEstimator().predict(x);
    }

    @Override
    public Tensor predictProba(Tensor x) {
        return bestClassifier("predictProba").predictProba(x);
    }

    @Override
    public Tensor decisionFunction(Tensor x) {
        return bestClassifier("decisionFunction").decisionFunction(x);
    }

    @Override
    public Tensor classes() {
        return bestClassifier("classes").classes();
    }

    /** The refitted best pipeline's predictions for a table; after fit(Table, y). */
    public Tensor predict(Table x) {
        return bestPipeline("predict").predict(x);
    }

    public Tensor predictProba(Table x) {
        return bestPipeline("predictProba").predictProba(x);
    }

    /** The search's scorer on the refitted best pipeline and a table. */
    public double score(Table x, Tensor y) {
        String scoring = settings().scoring();
        TableRows rows = new TableRows(x, bestPipeline("score"));
        return scoring == null ? rows.score(TableRows.rowNumbers(x), y) : Scorers.get(scoring).score(rows, TableRows.rowNumbers(x), y);
    }

    private Pipeline bestPipeline(String method) {
        if (bestEstimator() instanceof Pipeline p) return p;
        throw new UnsupportedOperationException(name() + "." + method + "(Table): the best estimator is a " + bestEstimator.getClass().getSimpleName()
                + ", not a Pipeline; pass a Tensor");
    }

    /** The search's scorer on the refitted best estimator (its own score when scoring is null). */
    @Override
    public double score(Tensor x, Tensor y) {
        String scoring = settings().scoring();
        return scoring == null ? bestEstimator().score(x, y) : Scorers.get(scoring).score(bestEstimator(), x, y);
    }

    /** A search holds splitters and distributions that have no JSON form; the refitted model is what to keep. */
    @Override
    protected void saveState(State out) {
        throw new UnsupportedOperationException(name() + " cannot be saved; save its bestEstimator() with ModelIO.save instead");
    }

    @Override
    protected void loadState(State in) {
        throw new UnsupportedOperationException(name() + " cannot be loaded; load the saved bestEstimator() instead");
    }
}
