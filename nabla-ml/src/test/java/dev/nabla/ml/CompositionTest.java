package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.Column;
import dev.nabla.data.Table;
import dev.nabla.ml.compose.ColumnTransformer;
import dev.nabla.ml.compose.ColumnTransformer.Remainder;
import dev.nabla.ml.compose.FeatureUnion;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.MinMaxScaler;
import dev.nabla.ml.preprocessing.HandleUnknown;
import dev.nabla.ml.preprocessing.OneHotEncoder;
import dev.nabla.ml.preprocessing.OrdinalEncoder;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.GridSearchCV;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ColumnTransformer and FeatureUnion against scikit-learn, by index and by Table column name; params, clone, save/load. */
class CompositionTest {
    private static final JsonNode REF = Fixtures.load("selection.json");
    private static final Tensor X = Fixtures.matrix(REF.get("composition_X"));

    static ColumnTransformer columns(Remainder remainder) {
        return new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), 0, 2).add("cat", new OneHotEncoder(), 1).remainder(remainder));
    }

    @Test
    void columnTransformerMatchesSklearn() {
        for (Remainder r : Remainder.values()) {
            JsonNode ref = REF.get("column_transformer_" + r.name().toLowerCase());
            Tensor out = columns(r).fitTransform(X);
            assertArrayEquals(new int[] {ref.size(), ref.get(0).size()}, out.shape(), r.name());
            Fixtures.assertClose(Fixtures.matrix(ref).toDoubleArray(), out.toDoubleArray(), 1e-12, r.name());
            Fixtures.assertClose(out.toDoubleArray(), columns(r).fit(X).transform(X).toDoubleArray(), 0, "fit then transform");
        }
    }

    @Test
    void featureUnionMatchesSklearn() {
        FeatureUnion union = FeatureUnion.of("std", new StandardScaler(), "mm", new MinMaxScaler());
        Fixtures.assertClose(Fixtures.matrix(REF.get("feature_union")).toDoubleArray(), union.fitTransform(X).toDoubleArray(), 1e-12, "feature union");
    }

    @Test
    void tableColumnsAreFoundByNameAndStringColumnsMayBeDropped() {
        double[][] cols = new double[4][X.size(0)];
        double[] x = X.toDoubleArray();
        for (int i = 0; i < X.size(0); i++) for (int j = 0; j < 4; j++) cols[j][i] = x[i * 4 + j];
        String[] ids = new String[X.size(0)];
        java.util.Arrays.fill(ids, "row");
        Table table = new Table(List.of(new Column.Strings("id", ids), new Column.Doubles("a", cols[0]), new Column.Longs("kind",
                java.util.Arrays.stream(cols[1]).mapToLong(v -> (long) v).toArray()), new Column.Doubles("b", cols[2]), new Column.Doubles("c", cols[3])));
        ColumnTransformer byName = new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), "a", "b").add("cat", new OneHotEncoder(), "kind"));
        Tensor out = byName.fitTransform(table, null);
        Fixtures.assertClose(Fixtures.matrix(REF.get("column_transformer_drop")).toDoubleArray(), out.toDoubleArray(), 1e-12, "by name");
        assertEquals(List.of("id", "a", "kind", "b", "c"), byName.featureNamesIn());
        // columns are found by name at transform time, whatever their order
        Table reordered = table.select("c", "b", "kind", "a", "id");
        Fixtures.assertClose(out.toDoubleArray(), byName.transform(reordered).toDoubleArray(), 0, "reordered table");
        var e = assertThrows(IllegalArgumentException.class, () -> byName.clone().fit(X));
        assertTrue(e.getMessage().contains("needs a Table"), e.getMessage());
        ColumnTransformer passthrough = byName.setParam("remainder", "passthrough");
        var s = assertThrows(IllegalArgumentException.class, () -> passthrough.fit(table, null));
        assertTrue(s.getMessage().contains("'id' holds strings"), s.getMessage());
    }

    @Test
    void nestedParamsCloneAndErrors() {
        ColumnTransformer ct = columns(Remainder.DROP);
        Map<String, Object> params = ct.getParams();
        assertEquals(true, params.get("num.withMean"));
        ColumnTransformer changed = ct.setParams(Map.of("num.withMean", false, "remainder", "passthrough"));
        assertEquals(false, changed.getParams().get("num.withMean"));
        assertEquals(Remainder.PASSTHROUGH, changed.options().remainder());
        assertEquals(true, ct.getParams().get("num.withMean"), "setParams leaves the original alone");
        var e = assertThrows(IllegalArgumentException.class, () -> ct.setParam("nmu.withMean", false));
        assertTrue(e.getMessage().contains("[num, cat]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> columns(Remainder.DROP).fit(Nabla.zeros(3, 2).toDouble()));
        assertThrows(NotFittedException.class, () -> ct.transform(X));
        FeatureUnion union = FeatureUnion.of("std", new StandardScaler(), "mm", new MinMaxScaler());
        assertEquals(0.0, union.getParams().get("mm.min"));
        assertThrows(IllegalArgumentException.class, () -> FeatureUnion.of("a", new StandardScaler(), "a", new MinMaxScaler()));
    }

    @Test
    void saveAndLoadKeepTheFittedComposites(@TempDir Path dir) throws Exception {
        ColumnTransformer ct = columns(Remainder.PASSTHROUGH).fit(X);
        ModelIO.save(ct, dir.resolve("ct.json"));
        ColumnTransformer loaded = ModelIO.load(dir.resolve("ct.json"), ColumnTransformer.class);
        assertArrayEquals(ct.transform(X).toDoubleArray(), loaded.transform(X).toDoubleArray());
        assertEquals(ct.getParams().keySet(), loaded.getParams().keySet());
        FeatureUnion union = FeatureUnion.of("std", new StandardScaler(), "mm", new MinMaxScaler()).fit(X);
        ModelIO.save(union, dir.resolve("fu.json"));
        assertArrayEquals(union.transform(X).toDoubleArray(), ModelIO.load(dir.resolve("fu.json"), FeatureUnion.class).transform(X).toDoubleArray());
    }

    @Test
    void columnTransformerInAPipelineUnderGridSearch() {
        Fixtures.Data wine = Fixtures.dataset("wine");
        Pipeline pipe = Pipeline.of("prep", new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12).remainder(Remainder.DROP)), "clf", new LogisticRegression());
        GridSearchCV search = new GridSearchCV(new GridSearchCV.Options(pipe,
                Map.of("clf.c", List.of(0.1, 1.0), "prep.num.withMean", List.of(true, false)))).fit(wine.x(), wine.y());
        assertEquals(4, search.cvResults().size());
        assertTrue(search.bestScore() > 0.9, "best cv accuracy " + search.bestScore());
    }

    // ---- string columns of a Table, against sklearn on the same rows (object arrays there)

    private static final JsonNode STRINGS = REF.get("string_categories");

    private static Table stringTable(String size, String color, String weight) {
        String[] colors = new String[STRINGS.get(color).size()];
        for (int i = 0; i < colors.length; i++) colors[i] = STRINGS.get(color).get(i).asText();
        return new Table(List.of(new Column.Doubles("size", Fixtures.vector(STRINGS.get(size)).toDoubleArray()), new Column.Strings("color", colors),
                new Column.Doubles("weight", Fixtures.vector(STRINGS.get(weight)).toDoubleArray())));
    }

    private static ColumnTransformer stringEncoders() {
        return new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), "size", "weight")
                .add("onehot", new OneHotEncoder(new OneHotEncoder.Options().handleUnknown(HandleUnknown.IGNORE)), "color")
                .add("ordinal", new OrdinalEncoder(new OrdinalEncoder.Options().handleUnknown(HandleUnknown.USE_ENCODED_VALUE).unknownValue(-1)), "color"));
    }

    @Test
    void stringColumnsAreEncodedAsSklearnDoes() {
        Table train = stringTable("size", "color", "weight"), fresh = stringTable("new_size", "new_color", "new_weight");
        ColumnTransformer ct = stringEncoders();
        Fixtures.assertClose(Fixtures.matrix(STRINGS.get("transform_train")).toDoubleArray(), ct.fitTransform(train, null).toDoubleArray(), 1e-12, "train");
        Fixtures.assertClose(Fixtures.matrix(STRINGS.get("transform_new")).toDoubleArray(), ct.transform(fresh).toDoubleArray(), 1e-12, "unseen 'purple'");
        assertEquals(Map.of("color", List.of("blue", "green", "red")), ct.stringCategories());
        ColumnTransformer loaded = (ColumnTransformer) ModelIO.fromJson(ModelIO.toJson(ct));
        assertArrayEquals(ct.transform(fresh).toDoubleArray(), loaded.transform(fresh).toDoubleArray());

        Pipeline pipe = Pipeline.of("prep", new ColumnTransformer(new ColumnTransformer.Options()
                        .add("num", new StandardScaler(), "size", "weight").add("onehot", new OneHotEncoder(), "color")),
                "clf", new LogisticRegression(new LogisticRegression.Options().tol(1e-10).maxIter(10000)));
        pipe.fit(train, Fixtures.vector(STRINGS.get("y")));
        Fixtures.assertClose(Fixtures.matrix(STRINGS.get("pipeline_proba")).toDoubleArray(), pipe.predictProba(train).toDoubleArray(), 1e-6, "pipeline");
        IllegalArgumentException unseen = assertThrows(IllegalArgumentException.class, () -> pipe.predict(fresh));
        assertEquals("ColumnTransformer: column 'color' has the category 'purple' (row 1), not seen in fit [blue, green, red];"
                + " set handleUnknown on its encoder to encode unknown categories", unseen.getMessage());
    }

    @Test
    void aStringColumnForANumericTransformerIsAnError() {
        ColumnTransformer scaleAll = new ColumnTransformer(new ColumnTransformer.Options().add("num", new StandardScaler(), "size", "color"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scaleAll.fit(stringTable("size", "color", "weight"), null));
        assertEquals("ColumnTransformer: column 'color' holds strings, but 'num' (StandardScaler) reads numbers; only OneHotEncoder and OrdinalEncoder read string columns",
                e.getMessage());
    }

    @Test
    void crossValidationAndSearchCutTablesByRowsAsTheyCutMatrices() {
        Table table = stringTable("size", "color", "weight");
        Tensor y = Fixtures.vector(STRINGS.get("y"));
        // the same data with the colors coded by hand (alphabetical, as the string categories are)
        List<String> order = List.of("blue", "green", "red");
        double[] coded = new double[table.rowCount() * 3];
        for (int i = 0; i < table.rowCount(); i++) {
            coded[i * 3] = table.doubles("size")[i];
            coded[i * 3 + 1] = order.indexOf(table.strings("color")[i]);
            coded[i * 3 + 2] = table.doubles("weight")[i];
        }
        Tensor matrix = Nabla.tensor(coded, table.rowCount(), 3);
        Pipeline byName = Pipeline.of("prep", new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), "size", "weight").add("cat", new OneHotEncoder(), "color")), "clf", new LogisticRegression());
        Pipeline byIndex = Pipeline.of("prep", new ColumnTransformer(new ColumnTransformer.Options()
                .add("num", new StandardScaler(), 0, 2).add("cat", new OneHotEncoder(), 1)), "clf", new LogisticRegression());
        var cv = new dev.nabla.ml.selection.StratifiedKFold(2, true, 3);

        assertArrayEquals(dev.nabla.ml.selection.CrossValidation.crossValScore(byIndex, matrix, y, cv),
                dev.nabla.ml.selection.CrossValidation.crossValScore(byName, table, y, cv));

        Map<String, List<?>> grid = Map.of("clf.c", List.of(0.01, 1.0, 100.0));
        GridSearchCV onTable = new GridSearchCV(new GridSearchCV.Options(byName, grid).cv(cv).scoring("neg_log_loss")).fit(table, y);
        GridSearchCV onMatrix = new GridSearchCV(new GridSearchCV.Options(byIndex, grid).cv(cv).scoring("neg_log_loss")).fit(matrix, y);
        assertArrayEquals(onMatrix.cvResults().column("mean_test_score"), onTable.cvResults().column("mean_test_score"));
        assertEquals(onMatrix.bestParams(), onTable.bestParams());
        assertArrayEquals(onMatrix.predictProba(matrix).toDoubleArray(), onTable.predictProba(table).toDoubleArray());
        assertEquals(onMatrix.score(matrix, y), onTable.score(table, y));

        var splitTable = dev.nabla.ml.selection.TrainTestSplit.split(table, y, 0.3, 5, true);
        var splitMatrix = dev.nabla.ml.selection.TrainTestSplit.split(matrix, y, 0.3, 5, true);
        assertArrayEquals(splitMatrix.xTest().select(1, 0).toDoubleArray(), splitTable.xTest().doubles("size"), "the same rows");
        assertArrayEquals(splitMatrix.yTrain().toDoubleArray(), splitTable.yTrain().toDoubleArray());

        IllegalArgumentException notAPipeline = assertThrows(IllegalArgumentException.class,
                () -> new GridSearchCV(new GridSearchCV.Options(new LogisticRegression(), Map.of("c", List.of(1.0)))).fit(table, y));
        assertTrue(notAPipeline.getMessage().contains("a Table needs a Pipeline estimator"), notAPipeline.getMessage());
    }
}
