package dev.nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void logisticRegressionLearnsTheBundledDataSet() {
        StringWriter text = new StringWriter();
        LogisticDemo.Result r = LogisticDemo.run(new PrintWriter(text, true), 10, 0);
        assertTrue(r.testAccuracy() >= 0.93, "test accuracy " + r.testAccuracy() + "\n" + text);
        assertTrue(r.finalLoss() < 0.2, "final loss " + r.finalLoss());
        assertEquals(10, text.toString().lines().filter(l -> l.startsWith("epoch")).count(), text.toString());
    }

    @Test
    void sameSeedGivesTheSameRun() {
        var a = LogisticDemo.run(new PrintWriter(new StringWriter()), 3, 7);
        var b = LogisticDemo.run(new PrintWriter(new StringWriter()), 3, 7);
        assertEquals(a.finalLoss(), b.finalLoss());
        assertEquals(a.testAccuracy(), b.testAccuracy());
    }

    @Test
    void bundledDataSetHasTheExpectedShape() {
        BreastCancer d = BreastCancer.load();
        assertEquals(569, d.samples());
        assertEquals(30, d.featureCount());
        assertEquals(357, java.util.Arrays.stream(d.labels()).filter(y -> y == 1).count(), "benign count");
    }

    @Test
    void demoCommandPrintsTheTestAccuracy() {
        CliRunner r = CliRunner.run("demo", "--epochs", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("test accuracy"), r.out());
        assertTrue(r.out().contains("total time"), r.out());
    }
}
