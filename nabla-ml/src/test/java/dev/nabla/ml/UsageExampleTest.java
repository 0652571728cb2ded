package dev.nabla.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nabla.Tensor;
import dev.nabla.ml.linear.LogisticRegression;
import dev.nabla.ml.metrics.Metrics;
import dev.nabla.ml.pipeline.Pipeline;
import dev.nabla.ml.preprocessing.StandardScaler;
import dev.nabla.ml.selection.TrainTestSplit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage example of the module's documentation, compiled and run. */
class UsageExampleTest {
    @Test
    void quickStart(@TempDir Path dir) throws Exception {
        Tensor x = Fixtures.dataset("breast_cancer").x(), y = Fixtures.dataset("breast_cancer").y();
        // --- example
        var split = TrainTestSplit.split(x, y, 0.25, 42, true);
        var model = Pipeline.of("scale", new StandardScaler(),
                "clf", new LogisticRegression(new LogisticRegression.Options().c(0.5)));
        model.fit(split.xTrain(), split.yTrain());
        System.out.print(Metrics.classificationReport(split.yTest(), model.predict(split.xTest())));
        ModelIO.save(model, dir.resolve("model.json"));
        // --- end
        assertTrue(ModelIO.load(dir.resolve("model.json"), Pipeline.class).score(split.xTest(), split.yTest()) > 0.93);
    }
}
