package dev.nabla.data;

import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * scikit-learn's small classic datasets, read from copies inside the jar (see
 * {@code dev/nabla/data/bundled/README.md}): no download, no file system. Each call reads afresh,
 * so callers may change the tensors they get.
 */
public final class BundledDatasets {
    private static final String ROOT = "bundled/";

    private BundledDatasets() {}

    /** Iris: 150 flowers, 4 measurements in cm, 3 species. */
    public static BundledDataset iris() {
        return classification("iris", "iris.csv",
                List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"));
    }

    /** Wine recognition: 178 wines, 13 chemical measurements, 3 cultivars. */
    public static BundledDataset wine() {
        return classification("wine", "wine_data.csv", List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium",
                "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                "od280/od315_of_diluted_wines", "proline"));
    }

    /** Breast Cancer Wisconsin (diagnostic): 569 tumours, 30 features, malignant (0) or benign (1). */
    public static BundledDataset breastCancer() {
        List<String> names = new ArrayList<>();
        for (String prefix : List.of("mean ", "", "worst "))
            for (String f : List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                    "concave points", "symmetry", "fractal dimension"))
                names.add(prefix.isEmpty() ? f + " error" : prefix + f);
        return classification("breast_cancer", "breast_cancer.csv", names);
    }

    /** Handwritten digits: 1797 images of 8x8 pixels (values 0..16) flattened to 64 features, 10 classes; x.view(-1, 8, 8) gives images. */
    public static BundledDataset digits() {
        List<CSVRecord> rows = records("digits.csv.gz", ',');
        List<String> names = IntStream.range(0, 64).mapToObj(i -> "pixel_" + i / 8 + "_" + i % 8).toList();
        return new BundledDataset("digits", features(rows, 0, 64, "digits.csv.gz"), labels(rows, 64, "digits.csv.gz"), names,
                IntStream.range(0, 10).mapToObj(Integer::toString).toList());
    }

    /**
     * Diabetes: 442 patients, 10 baseline variables (raw, not scaled as scikit-learn's default
     * load_diabetes does), and a float64 measure of disease progression one year later.
     */
    public static BundledDataset diabetes() {
        List<CSVRecord> data = records("diabetes_data_raw.csv.gz", ' ');
        List<CSVRecord> target = records("diabetes_target.csv.gz", ' ');
        return new BundledDataset("diabetes", features(data, 0, 10, "diabetes_data_raw.csv.gz"),
                features(target, 0, 1, "diabetes_target.csv.gz").view(-1),
                List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), List.of());
    }

    /** The layout of iris, wine and breast cancer: a line "n_samples,n_features,class names...", then features and a label per row. */
    private static BundledDataset classification(String name, String file, List<String> featureNames) {
        List<CSVRecord> rows = records(file, ',');
        CSVRecord meta = rows.getFirst();
        int n = Integer.parseInt(meta.get(0)), features = Integer.parseInt(meta.get(1));
        List<CSVRecord> body = rows.subList(1, rows.size());
        if (body.size() != n || features != featureNames.size())
            throw new IllegalStateException(file + ": header announces " + n + " rows of " + features + " features, found " + body.size()
                    + " rows and " + featureNames.size() + " feature names");
        List<String> targetNames = meta.toList().subList(2, meta.size());
        return new BundledDataset(name, features(body, 0, features, file), labels(body, features, file), featureNames, targetNames);
    }

    private static Tensor features(List<CSVRecord> rows, int from, int count, String file) {
        double[] v = new double[rows.size() * count];
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            if (r.size() < from + count) throw new IllegalStateException(file + ": row " + i + " has " + r.size() + " fields, expected " + (from + count));
            for (int j = 0; j < count; j++) v[i * count + j] = Double.parseDouble(r.get(from + j));
        }
        return Tensor.of(Storage.of(v), rows.size(), count);
    }

    private static Tensor labels(List<CSVRecord> rows, int column, String file) {
        long[] v = new long[rows.size()];
        for (int i = 0; i < v.length; i++) {
            // labels are written as integers, or as "5.0" by some writers
            v[i] = (long) Double.parseDouble(rows.get(i).get(column));
        }
        return Tensor.of(Storage.of(v), v.length);
    }

    private static List<CSVRecord> records(String file, char delimiter) {
        try (InputStream raw = BundledDatasets.class.getResourceAsStream(ROOT + file)) {
            if (raw == null) throw new IllegalStateException("bundled dataset file " + ROOT + file + " is missing from the nabla-data jar");
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            // the diabetes file separates by single spaces; ignoring surrounding spaces keeps padded fields numeric
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled dataset file " + ROOT + file, e);
        }
    }
}
