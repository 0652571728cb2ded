package dev.nabla.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import dev.nabla.data.BundledDataset;
import dev.nabla.data.BundledDatasets;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.StratifiedKFold;
import java.util.Arrays;

/** 5-fold cross-validated scores against sklearn's, on the bundled datasets, as the model fixtures record them. */
public final class CvParity {
    private CvParity() {}

    /** X (float64) and y of a bundled dataset, by the name the fixture script uses. */
    public static Fixtures.Data bundled(String name) {
        BundledDataset d = switch (name) {
            case "iris" -> BundledDatasets.iris();
            case "wine" -> BundledDatasets.wine();
            case "breast_cancer" -> BundledDatasets.breastCancer();
            case "digits" -> BundledDatasets.digits();
            case "diabetes" -> BundledDatasets.diabetes();
            default -> throw new IllegalArgumentException("unknown dataset " + name);
        };
        return new Fixtures.Data(d.x().toDouble(), d.y().toDouble());
    }

    /** Our 5-fold scores (stratified for classifiers), the model behind a StandardScaler when {@code scale}. */
    public static double[] scores(Predictor model, Tensor x, Tensor y, boolean scale) {
        Predictor est = scale ? Pipeline.of("scale", new StandardScaler(), "model", model) : model;
        return CrossValidation.crossValScore(est, x, y, model instanceof Classifier ? new StratifiedKFold(5) : new KFold(5));
    }

    /** Every fold's score within {@code tol} of sklearn's (fixture entry with "data" and "scores"). */
    public static double[] assertFolds(Predictor model, JsonNode ref, boolean scale, double tol, String what) {
        Fixtures.Data d = bundled(ref.get("data").asText());
        double[] ours = scores(model, d.x(), d.y(), scale), theirs = Fixtures.doubles(ref.get("scores"));
        if (!(Fixtures.maxAbsDiff(ours, theirs) <= tol))
            throw new AssertionError(what + ": folds " + Arrays.toString(ours) + " vs sklearn " + Arrays.toString(theirs) + " (tol " + tol + ")");
        return ours;
    }

    /** The mean score within {@code tol} of sklearn's: for stochastic solvers, whose folds vary with the draw. */
    public static double assertMean(Predictor model, JsonNode ref, boolean scale, double tol, String what) {
        Fixtures.Data d = bundled(ref.get("data").asText());
        double ours = mean(scores(model, d.x(), d.y(), scale)), theirs = mean(Fixtures.doubles(ref.get("scores")));
        if (!(Math.abs(ours - theirs) <= tol)) throw new AssertionError(what + ": mean " + ours + " vs sklearn " + theirs + " (tol " + tol + ")");
        return ours;
    }

    public static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
