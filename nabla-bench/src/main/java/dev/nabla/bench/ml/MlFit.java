package dev.nabla.bench.ml;

import dev.nabla.Tensor;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.metrics.Metrics;
import java.util.function.Supplier;

/**
 * How one workload is run: what is timed (usually fit alone) and the score reported next to the time,
 * so a fast but wrong fit shows. The factories cover the common shapes; a clusterer or decomposition
 * from another branch passes its own lambda.
 */
@FunctionalInterface
public interface MlFit {
    /** The timed seconds and the score (NaN when the workload has none). */
    record Outcome(double seconds, double score) {}

    Outcome run(MlData data);

    /** Times fit; scores accuracy on the test rows. */
    static MlFit classifier(Supplier<? extends Classifier> make) {
        return d -> {
            Classifier c = make.get();
            long t0 = System.nanoTime();
            c.fit(d.xTrain(), d.yTrain());
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Outcome(seconds, Metrics.accuracy(d.yTest(), c.predict(d.xTest())));
        };
    }

    /** Times fit and predicting the test rows (for lazy learners such as k-nearest neighbours, predicting is the work); scores accuracy. */
    static MlFit classifierWithPredict(Supplier<? extends Classifier> make) {
        return d -> {
            Classifier c = make.get();
            long t0 = System.nanoTime();
            Tensor predicted = c.fit(d.xTrain(), d.yTrain()).predict(d.xTest());
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Outcome(seconds, Metrics.accuracy(d.yTest(), predicted));
        };
    }

    /** Times fit; scores R² on the test rows. */
    static MlFit regressor(Supplier<? extends Regressor> make) {
        return d -> {
            Regressor r = make.get();
            long t0 = System.nanoTime();
            r.fit(d.xTrain(), d.yTrain());
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Outcome(seconds, Metrics.r2(d.yTest(), r.predict(d.xTest())));
        };
    }
}
