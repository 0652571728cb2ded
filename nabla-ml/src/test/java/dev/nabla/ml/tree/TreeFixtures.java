package dev.nabla.ml.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.data.BundledDataset;
import dev.nabla.data.BundledDatasets;
import dev.nabla.ml.Fixtures;

/** The tree fixtures of scripts/fixtures/make_ml_tree_fixtures.py and the datasets they refer to. */
public final class TreeFixtures {
    public static final JsonNode EXACT = Fixtures.load("trees/exact.json");
    public static final JsonNode CV = Fixtures.load("trees/cv.json");

    private TreeFixtures() {}

    /** A bundled dataset by sklearn's loader name, or the synthetic data stored in cv.json. */
    public static Fixtures.Data dataset(String name, boolean classification) {
        if (name.equals("synthetic")) {
            JsonNode d = CV.get(classification ? "synthetic_classification" : "synthetic_regression");
            return new Fixtures.Data(Fixtures.matrix(d.get("X")), Fixtures.vector(d.get("y")));
        }
        if (name.equals("synthetic_missing")) {
            Fixtures.Data d = dataset("synthetic", true);
            return new Fixtures.Data(Fixtures.matrix(CV.get("synthetic_missing_X")), d.y());
        }
        BundledDataset b = switch (name) {
            case "iris" -> BundledDatasets.iris();
            case "wine" -> BundledDatasets.wine();
            case "breast_cancer" -> BundledDatasets.breastCancer();
            case "digits" -> BundledDatasets.digits();
            case "diabetes" -> BundledDatasets.diabetes();
            default -> throw new IllegalArgumentException("unknown dataset " + name);
        };
        return new Fixtures.Data(b.x().toDouble(), b.y().toDouble());
    }

    public static Tensor matrix(String key) {
        return Fixtures.matrix(EXACT.get(key));
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
