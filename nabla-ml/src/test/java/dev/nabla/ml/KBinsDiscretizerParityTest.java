package dev.nabla.ml;

import static dev.nabla.ml.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.ml.preprocessing.KBinsDiscretizer;
import dev.nabla.ml.preprocessing.KBinsDiscretizer.Encode;
import dev.nabla.ml.preprocessing.KBinsDiscretizer.Strategy;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KBinsDiscretizer against scikit-learn (scripts/fixtures/make_ml_kbins_fixtures.py). */
class KBinsDiscretizerParityTest {
    private static final JsonNode REF = Fixtures.load("kbins.json");
    private static final Tensor X = Fixtures.matrix(REF.get("X")), X_NEW = Fixtures.matrix(REF.get("X_new"));


    @ParameterizedTest
    @ValueSource(strings = {"uniform_3", "uniform_5", "quantile_3", "quantile_5", "kmeans_3", "kmeans_5"})
    void matchesSklearn(String key) {
        JsonNode ref = REF.get("cases").get(key);
        KBinsDiscretizer.Options options = new KBinsDiscretizer.Options().nBins(ref.get("n_bins").asInt())
                .strategy(Strategy.valueOf(ref.get("strategy").asText().toUpperCase(Locale.ROOT)));
        KBinsDiscretizer ordinal = new KBinsDiscretizer(options.encode(Encode.ORDINAL)).fit(X);
        int[] nBins = new int[ref.get("n_bins_").size()];
        for (int j = 0; j < nBins.length; j++) nBins[j] = ref.get("n_bins_").get(j).asInt();
        assertArrayEquals(nBins, ordinal.nBins(), key + " n_bins_");
        for (int j = 0; j < nBins.length; j++) {
            JsonNode e = ref.get("bin_edges").get(j);
            double[] expected = new double[e.size()];
            for (int b = 0; b < expected.length; b++) expected[b] = value(e.get(b));
            double[] got = ordinal.binEdges(j).toDoubleArray();
            assertEquals(expected.length, got.length, key + " edges of feature " + j);
            for (int b = 0; b < expected.length; b++)
                assertEquals(expected[b], got[b], 1e-9 * Math.max(1, Math.abs(expected[b])), key + " edge " + b + " of feature " + j);
        }
        assertClose(values(ref.get("ordinal")), ordinal.transform(X).toDoubleArray(), 0, key + " ordinal");
        assertClose(values(ref.get("ordinal_new")), ordinal.transform(X_NEW).toDoubleArray(), 0, key + " ordinal, new rows");
        // a constant feature's one bin is (-inf, inf): its center is NaN, in sklearn too
        assertCloseOrBothNaN(values(ref.get("inverse")), ordinal.inverseTransform(ordinal.transform(X)).toDoubleArray(), 1e-9, key + " inverse");

        KBinsDiscretizer dense = new KBinsDiscretizer(options.encode(Encode.ONEHOT_DENSE)).fit(X);
        assertClose(values(ref.get("onehot")), dense.transform(X).toDoubleArray(), 0, key + " onehot-dense");
        assertClose(values(ref.get("onehot_new")), dense.transform(X_NEW).toDoubleArray(), 0, key + " onehot-dense, new rows");
        assertCloseOrBothNaN(ordinal.inverseTransform(ordinal.transform(X)).toDoubleArray(),
                dense.inverseTransform(dense.transform(X)).toDoubleArray(), 0, key + " onehot inverse = ordinal inverse");
    }

    private static void assertCloseOrBothNaN(double[] expected, double[] actual, double atol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++)
            if (!(Double.isNaN(expected[i]) && Double.isNaN(actual[i])) && !(Math.abs(expected[i] - actual[i]) <= atol))
                throw new AssertionError(what + " at " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }

    /** Rows of numbers, flattened; the script writes non-finite values as "inf", "-inf", "nan". */
    private static double[] values(JsonNode rows) {
        int n = rows.size(), d = rows.get(0).size();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) out[i * d + j] = value(rows.get(i).get(j));
        return out;
    }

    private static double value(JsonNode v) {
        if (!v.isTextual()) return v.asDouble();
        return switch (v.asText()) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    @Test
    void savesAndLoads() {
        KBinsDiscretizer fitted = new KBinsDiscretizer(new KBinsDiscretizer.Options().strategy(Strategy.KMEANS)).fit(X);
        for (Estimator copy : SavedCopies.of(fitted)) {
            KBinsDiscretizer loaded = (KBinsDiscretizer) copy;
            assertArrayEquals(fitted.transform(X_NEW).toDoubleArray(), loaded.transform(X_NEW).toDoubleArray());
            assertArrayEquals(fitted.transform(X).toDoubleArray(), loaded.transform(X).toDoubleArray());
        }
    }
}
