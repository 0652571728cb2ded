package dev.nabla.ml.cluster;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Conversions for user-given starting centers (kept in options as nested lists so they save as JSON) and label tensors. */
final class Seeds {
    private Seeds() {}

    static List<List<Double>> of(double[][] rows) {
        if (rows == null) return null;
        List<List<Double>> out = new ArrayList<>();
        for (double[] r : rows) {
            List<Double> row = new ArrayList<>();
            for (double v : r) row.add(v);
            out.add(row);
        }
        return out;
    }

    /** An immutable copy, checked to have one row per cluster; null stays null. */
    static List<List<Double>> copy(String owner, List<List<Double>> rows, int nClusters) {
        if (rows == null) return null;
        if (rows.size() != nClusters)
            throw new IllegalArgumentException(owner + ": initCenters has " + rows.size() + " rows but nClusters is " + nClusters);
        List<List<Double>> out = new ArrayList<>();
        for (List<Double> r : rows) {
            for (Double v : r)
                if (v == null || !Double.isFinite(v)) throw new IllegalArgumentException(owner + ": initCenters must be finite, got " + v);
            out.add(List.copyOf(r));
        }
        return List.copyOf(out);
    }

    /** Row-major k x d; every row must have d values. */
    static double[] flat(String owner, List<List<Double>> rows, int d) {
        double[] out = new double[rows.size() * d];
        for (int c = 0; c < rows.size(); c++) {
            List<Double> r = rows.get(c);
            if (r.size() != d) throw new IllegalArgumentException(owner + ": initCenters row " + c + " has " + r.size() + " values but X has " + d + " features");
            for (int j = 0; j < d; j++) out[c * d + j] = r.get(j);
        }
        return out;
    }

    static Tensor labels(int[] labels) {
        long[] out = new long[labels.length];
        for (int i = 0; i < out.length; i++) out[i] = labels[i];
        return Nabla.tensor(out, out.length);
    }
}
