package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.ml.cluster.KMeans;
import dev.nabla.ml.ensemble.ExtraTreesRegressor;
import dev.nabla.ml.ensemble.HistGradientBoostingClassifier;
import dev.nabla.ml.ensemble.RandomForestClassifier;
import dev.nabla.ml.neighbors.KNeighborsClassifier;
import dev.nabla.ml.tree.DecisionTreeRegressor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Estimators that read a float64 X in place (Validation.featuresReadOnly) must leave the caller's X as it was. */
class ReadOnlyInputsTest {
    @Test
    void fitAndPredictLeaveXUntouched() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 400, d = 5;
        double[] x = new double[n * d], y = new double[n];
        for (int i = 0; i < x.length; i++) x[i] = 2 + r.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = x[i * d] + x[i * d + 1] > 4 ? 1 : 0;
        x[3] = Double.NaN; // gradient boosting takes missing values
        Tensor xt = Nabla.tensor(x, n, d), yt = Nabla.tensor(y, n);
        Tensor finite = Nabla.tensor(withoutNaN(x), n, d);
        HistGradientBoostingClassifier hgb = new HistGradientBoostingClassifier(new HistGradientBoostingClassifier.Options().maxIter(5));
        hgb.fit(xt, yt).predictProba(xt);
        assertArrayEquals(x, xt.toDoubleArray(), "HistGradientBoostingClassifier changed X");
        double[] before = finite.toDoubleArray();
        for (Predictor p : List.of(new RandomForestClassifier(new RandomForestClassifier.Options().nEstimators(3)), new ExtraTreesRegressor(),
                new DecisionTreeRegressor(), new KNeighborsClassifier())) {
            p.fit(finite, yt).predict(finite);
            assertArrayEquals(before, finite.toDoubleArray(), p.getClass().getSimpleName() + " changed X");
        }
        KMeans km = new KMeans(new KMeans.Options().nClusters(3).nInit(2)).fit(finite);
        km.predict(finite);
        km.transform(finite);
        assertArrayEquals(before, finite.toDoubleArray(), "KMeans changed X");
    }

    private static double[] withoutNaN(double[] x) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) if (Double.isNaN(out[i])) out[i] = 0;
        return out;
    }
}
