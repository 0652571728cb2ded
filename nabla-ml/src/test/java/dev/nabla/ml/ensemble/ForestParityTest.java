package dev.nabla.ml.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.ml.Fixtures;
import dev.nabla.ml.Predictor;
import dev.nabla.ml.selection.CrossValidation;
import dev.nabla.ml.selection.CrossValidator;
import dev.nabla.ml.selection.KFold;
import dev.nabla.ml.selection.StratifiedKFold;
import dev.nabla.ml.tree.TreeFixtures;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random forests and extra trees: 5-fold scores averaged over seeds within 1 point / 0.01 R2 of scikit-learn's. */
class ForestParityTest {
    private static final int SEEDS = TreeFixtures.CV.get("forestSeeds").asInt();

    @ParameterizedTest
    @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits", "synthetic"})
    void classifiers(String data) {
        Fixtures.Data d = TreeFixtures.dataset(data, true);
        JsonNode ref = TreeFixtures.CV.get("classification").get(data);
        double forest = cv(s -> new RandomForestClassifier(new RandomForestClassifier.Options().randomState(s)), d, new StratifiedKFold(5));
        double extra = cv(s -> new ExtraTreesClassifier(new ExtraTreesClassifier.Options().randomState(s)), d, new StratifiedKFold(5));
        System.out.printf("PARITY forest %s: nabla %.4f sklearn %.4f | extra nabla %.4f sklearn %.4f%n",
                data, forest, ref.get("forest").asDouble(), extra, ref.get("extra").asDouble());
        assertEquals(ref.get("forest").asDouble(), forest, 0.01, data + " random forest accuracy");
        assertEquals(ref.get("extra").asDouble(), extra, 0.01, data + " extra trees accuracy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"diabetes", "synthetic"})
    void regressors(String data) {
        Fixtures.Data d = TreeFixtures.dataset(data, false);
        JsonNode ref = TreeFixtures.CV.get("regression").get(data);
        double forest = cv(s -> new RandomForestRegressor(new RandomForestRegressor.Options().randomState(s)), d, new KFold(5));
        double extra = cv(s -> new ExtraTreesRegressor(new ExtraTreesRegressor.Options().randomState(s)), d, new KFold(5));
        System.out.printf("PARITY forestReg %s: nabla %.4f sklearn %.4f | extra nabla %.4f sklearn %.4f%n",
                data, forest, ref.get("forest").asDouble(), extra, ref.get("extra").asDouble());
        assertEquals(ref.get("forest").asDouble(), forest, 0.01, data + " random forest R2");
        assertEquals(ref.get("extra").asDouble(), extra, 0.01, data + " extra trees R2");
    }

    private static double cv(LongFunction<Predictor> model, Fixtures.Data d, CrossValidator folds) {
        double sum = 0;
        for (int s = 0; s < SEEDS; s++) sum += TreeFixtures.mean(CrossValidation.crossValScore(model.apply(s), d.x(), d.y(), folds));
        return sum / SEEDS;
    }
}
