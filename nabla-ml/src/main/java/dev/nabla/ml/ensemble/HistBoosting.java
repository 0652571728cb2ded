package dev.nabla.ml.ensemble;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The boosting loop both HGB estimators share: bin X once to bytes, then per iteration compute
 * gradients, grow one tree per output on them, and add the leaves to the raw predictions. With early
 * stopping a (stratified) validation share is held out and fitting stops when its loss has not
 * improved by tol over nIterNoChange iterations, as sklearn's scoring='loss'.
 */
final class HistBoosting {
    static final int AUTO_EARLY_STOPPING_ABOVE = 10_000;

    /** A fitted model: the baseline per output, each iteration's trees, and validation scores (−loss) if early stopping ran. */
    record Fitted(double[] baseline, List<HistTree[]> iterations, double[] validationScores) {}

    private HistBoosting() {}

    /** y: targets, or class codes for the classification losses. */
    static Fitted fit(Matrix m, double[] y, HistLoss loss, HistOptions o, boolean stratify) {
        int total = m.rows();
        boolean early = o.earlyStopping() == HistOptions.EarlyStopping.ON
                || o.earlyStopping() == HistOptions.EarlyStopping.AUTO && total > AUTO_EARLY_STOPPING_ABOVE;
        SplittableRandom rng = new SplittableRandom(o.randomState());
        int[][] split = early ? holdOut(y, total, o.validationFraction(), stratify, rng) : new int[][] {identity(total), new int[0]};
        int[] train = split[0], val = split[1];
        int n = train.length, nv = val.length, k = loss.trees();

        BinMapper mapper = BinMapper.fit(m, train, o.maxBins(), rng);
        int d = m.cols();
        boolean[] hasMissing = new boolean[d];
        byte[] binned = mapper.transform(m, train, hasMissing), valBinned = early ? mapper.transform(m, val, null) : null;
        int[] nonMissing = new int[d];
        for (int f = 0; f < d; f++) nonMissing[f] = mapper.nonMissingBins(f);

        double[] baseline = loss.baseline(y, train);
        HistGrower.Settings settings = new HistGrower.Settings(o.maxLeafNodes(), o.maxDepth(), o.minSamplesLeaf(), o.l2Regularization(), o.learningRate());
        return Team.run(team -> {
            double[] raw = new double[k * n], rawVal = new double[k * nv];
            for (int c = 0; c < k; c++) {
                Arrays.fill(raw, c * n, (c + 1) * n, baseline[c]);
                Arrays.fill(rawVal, c * nv, (c + 1) * nv, baseline[c]);
            }
            float[] grad = new float[k * n], hess = loss.constantHessian() ? null : new float[k * n];
            HistGrower grower = new HistGrower(binned, n, nonMissing, hasMissing, grad, hess, settings, team);
            List<HistTree[]> iterations = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            if (early) scores.add(-loss.loss(rawVal, y, val));
            for (int it = 0; it < o.maxIter(); it++) {
                team.forRange(n, 8192, (s, e) -> loss.gradients(raw, y, train, grad, hess, s, e));
                HistTree[] trees = new HistTree[k];
                for (int c = 0; c < k; c++) trees[c] = grower.grow(c * n, mapper.thresholds(), raw, c * n);
                iterations.add(trees);
                if (early) {
                    team.forRange(nv, 2048, (s, e) -> addBinned(trees, valBinned, nv, d, rawVal, s, e));
                    scores.add(-loss.loss(rawVal, y, val));
                    if (shouldStop(scores, o.nIterNoChange(), o.tol())) break;
                }
            }
            return new Fitted(baseline, iterations, scores.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    /** sklearn's _should_stop: no score of the last nIterNoChange beats the one before them by more than tol. */
    static boolean shouldStop(List<Double> scores, int nIterNoChange, double tol) {
        int reference = nIterNoChange + 1;
        if (scores.size() < reference) return false;
        double bar = scores.get(scores.size() - reference) + tol;
        for (int i = scores.size() - reference + 1; i < scores.size(); i++) if (scores.get(i) > bar) return false;
        return true;
    }

    private static void addBinned(HistTree[] trees, byte[] bins, int nv, int d, double[] rawVal, int start, int end) {
        for (int c = 0; c < trees.length; c++)
            for (int r = start; r < end; r++) rawVal[c * nv + r] += trees[c].predictBinned(bins, d, r);
    }

    /** Raw predictions of rows of m, output-major: out[c * rows + i]. */
    static double[] raw(Fitted fitted, Matrix m) {
        int n = m.rows(), k = fitted.baseline().length;
        double[] out = new double[k * n];
        Parallel.forRange(n, 512, (s, e) -> {
            for (int c = 0; c < k; c++) Arrays.fill(out, c * n + s, c * n + e, fitted.baseline()[c]);
            for (HistTree[] trees : fitted.iterations())
                for (int c = 0; c < k; c++)
                    for (int i = s; i < e; i++) out[c * n + i] += trees[c].predict(m.data(), i * m.cols());
        });
        return out;
    }

    /** Train and validation rows (each sorted); stratified keeps every class's share in both. */
    private static int[][] holdOut(double[] y, int n, double fraction, boolean stratify, SplittableRandom rng) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nVal = (int) Math.ceil(fraction * n);
        boolean[] isVal = new boolean[n];
        if (stratify) {
            // classes are codes 0..k-1; each gets round(share · nVal) validation rows, taken from the shuffle
            int k = 0;
            for (double v : y) k = Math.max(k, (int) v + 1);
            int[] count = new int[k], quota = new int[k];
            for (double v : y) count[(int) v]++;
            for (int c = 0; c < k; c++) quota[c] = (int) Math.round((double) count[c] * nVal / n);
            for (int i : order) if (quota[(int) y[i]]-- > 0) isVal[i] = true;
        } else for (int i = 0; i < nVal; i++) isVal[order[i]] = true;
        int v = 0;
        for (boolean b : isVal) if (b) v++;
        int[] train = new int[n - v], val = new int[v];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (isVal[i]) val[b++] = i;
            else train[a++] = i;
        }
        return new int[][] {train, val};
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
