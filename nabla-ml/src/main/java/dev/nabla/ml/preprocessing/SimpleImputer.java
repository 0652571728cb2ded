package dev.nabla.ml.preprocessing;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.BaseEstimator;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.State;
import dev.nabla.ml.Transformer;
import dev.nabla.ml.Validation;
import java.util.Arrays;

/** Replaces missing values (NaN by default) by a per-column statistic learned in fit. */
public final class SimpleImputer extends BaseEstimator<SimpleImputer, SimpleImputer.Options> implements Transformer {
    public enum Strategy { MEAN, MEDIAN, MOST_FREQUENT, CONSTANT }

    /**
     * @param missingValue the value that marks "missing" (NaN, or a sentinel such as -1)
     * @param fillValue    what CONSTANT writes
     */
    public record Options(Strategy strategy, double missingValue, double fillValue) {
        public Options {
            if (strategy == null) throw new IllegalArgumentException("SimpleImputer: strategy must be one of [mean, median, most_frequent, constant]");
        }

        public Options() {
            this(Strategy.MEAN, Double.NaN, 0);
        }

        public Options strategy(Strategy v) {
            return new Options(v, missingValue, fillValue);
        }

        public Options missingValue(double v) {
            return new Options(strategy, v, fillValue);
        }

        public Options fillValue(double v) {
            return new Options(strategy, missingValue, v);
        }
    }

    private double[] statistics;

    public SimpleImputer() {
        this(new Options());
    }

    public SimpleImputer(Options options) {
        super(options);
    }

    @Override
    protected SimpleImputer withOptions(Options o) {
        return new SimpleImputer(o);
    }

    @Override
    public SimpleImputer fit(Tensor x) {
        Matrix m = Validation.features(name(), x, true);
        statistics = new double[m.cols()];
        for (int j = 0; j < m.cols(); j++) {
            double[] seen = Arrays.stream(m.column(j)).filter(v -> !isMissing(v) && !Double.isNaN(v)).sorted().toArray();
            if (seen.length == 0 && options.strategy() != Strategy.CONSTANT)
                throw new IllegalArgumentException(name() + ": column " + j + " has no observed values, so its " + options.strategy().name().toLowerCase()
                        + " is undefined; drop the column or use strategy constant");
            statistics[j] = switch (options.strategy()) {
                case MEAN -> Arrays.stream(seen).sum() / seen.length;
                case MEDIAN -> Quantiles.sortedPercentile(seen, 50);
                case MOST_FREQUENT -> mostFrequent(seen);
                case CONSTANT -> options.fillValue();
            };
        }
        markFitted();
        return this;
    }

    /** The most frequent of sorted values; ties go to the smallest, as in sklearn. */
    private static double mostFrequent(double[] sorted) {
        double best = sorted[0];
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            if (j - i > bestCount) {
                bestCount = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    private boolean isMissing(double v) {
        return Double.isNaN(options.missingValue()) ? Double.isNaN(v) : v == options.missingValue();
    }

    @Override
    public Tensor transform(Tensor x) {
        requireFitted("transform");
        Matrix m = Validation.features(name(), x, true);
        Validation.featureCount(name(), m, statistics.length);
        double[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            if (isMissing(a[i])) a[i] = statistics[i % m.cols()];
            else if (Double.isNaN(a[i]))
                throw new IllegalArgumentException(name() + ": X contains NaN at row " + i / m.cols() + ", column " + i % m.cols()
                        + " but missingValue is " + options.missingValue());
        }
        return m.toTensor(x.dtype());
    }

    /** The fill value of each column. */
    public Tensor statistics() {
        requireFitted("statistics");
        return Nabla.tensor(statistics, statistics.length);
    }

    @Override
    protected void saveState(State out) {
        out.put("statistics", statistics);
    }

    @Override
    protected void loadState(State in) {
        statistics = in.doubles("statistics");
    }
}
