package dev.nabla.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the bundled Breast Cancer Wisconsin CSV (scikit-learn's layout; see datasets/README.md). */
record BreastCancer(float[] features, int[] labels, int samples, int featureCount, String[] classNames) {
    static final String RESOURCE = "/datasets/breast_cancer.csv";

    static BreastCancer load() {
        try (InputStream in = BreastCancer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the bundled data set " + RESOURCE + " is missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            // Header: n_samples,n_features,class names...
            String[] head = r.readLine().split(",");
            int n = Integer.parseInt(head[0].trim()), d = Integer.parseInt(head[1].trim());
            String[] classes = java.util.Arrays.copyOfRange(head, 2, head.length);
            float[] x = new float[n * d];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                String line = r.readLine();
                if (line == null) throw new IllegalStateException(RESOURCE + ": expected " + n + " rows, found " + i);
                String[] f = line.split(",");
                if (f.length != d + 1) throw new IllegalStateException(RESOURCE + ": row " + (i + 1) + " has " + f.length + " fields, expected " + (d + 1));
                for (int j = 0; j < d; j++) x[i * d + j] = Float.parseFloat(f[j]);
                y[i] = Integer.parseInt(f[d].trim());
            }
            return new BreastCancer(x, y, n, d, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
