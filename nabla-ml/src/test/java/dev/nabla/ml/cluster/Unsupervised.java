package dev.nabla.ml.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.BundledDatasets;
import dev.nabla.ml.Fixtures;

/** Data and fixtures the unsupervised tests share (made by scripts/fixtures/make_ml_unsupervised_fixtures.py). */
public final class Unsupervised {
    private Unsupervised() {}

    public static JsonNode fixture(String name) {
        return Fixtures.load("unsupervised/" + name);
    }

    /** A data set by fixture key: a bundled data set, or make_blobs data stored in blobs.json. */
    public static Tensor data(String key) {
        return switch (key) {
            case "iris" -> BundledDatasets.iris().x();
            case "wine" -> BundledDatasets.wine().x();
            case "digits" -> BundledDatasets.digits().x();
            case "cancer" -> BundledDatasets.breastCancer().x();
            case "diabetes" -> BundledDatasets.diabetes().x();
            default -> Fixtures.matrix(fixture("blobs.json").get(key).get("X"));
        };
    }

    public static double[][] rows(JsonNode matrix) {
        double[][] out = new double[matrix.size()][];
        for (int i = 0; i < out.length; i++) out[i] = Fixtures.doubles(matrix.get(i));
        return out;
    }

    public static Tensor longs(JsonNode array) {
        long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asLong();
        return Nabla.tensor(v, v.length);
    }
}
