package dev.nabla.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the scikit-learn fixtures written by scripts/fixtures/make_ml_fixtures.py. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/ml/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name + "; run scripts/fixtures/make_ml_fixtures.py");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dataset's X (float64) and y (float64 targets). */
    public record Data(Tensor x, Tensor y) {}

    public static Data dataset(String name) {
        JsonNode d = load("data_" + name + ".json");
        return new Data(matrix(d.get("X")), vector(d.get("y")));
    }

    public static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        return v;
    }

    public static Tensor vector(JsonNode array) {
        double[] v = doubles(array);
        return Nabla.tensor(v, v.length);
    }

    public static Tensor matrix(JsonNode rows) {
        int n = rows.size(), d = rows.get(0).size();
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) System.arraycopy(doubles(rows.get(i)), 0, v, i * d, d);
        return Nabla.tensor(v, n, d);
    }

    /** Largest absolute difference, for messages. */
    public static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError("length " + a.length + " != " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    public static void assertClose(double[] expected, double[] actual, double atol, String what) {
        double diff = maxAbsDiff(expected, actual);
        if (!(diff <= atol)) throw new AssertionError(what + ": max |diff| " + diff + " > " + atol);
    }
}
