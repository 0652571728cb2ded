package dev.nabla.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradClippingTest {
    private static Tensor withGrad(double[] values, double[] grad) {
        Tensor p = Nabla.tensor(values, values.length).requiresGrad(true);
        p.setGrad(Nabla.tensor(grad, grad.length));
        return p;
    }

    @Test
    void euclideanNormOverAllGradients() {
        Tensor a = withGrad(new double[] {0, 0}, new double[] {3, 0});
        Tensor b = withGrad(new double[] {0}, new double[] {4});
        double total = GradClipping.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(5, total, 1e-15);
        double scale = 1.0 / (5 + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 0}, a.grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {4 * scale}, b.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void gradientsBelowTheLimitAreUntouched() {
        Tensor a = withGrad(new double[] {0, 0}, new double[] {3, 4});
        Tensor grad = a.grad();
        assertEquals(5, GradClipping.clipGradNorm(List.of(a), 10.0), 1e-15);
        assertTrue(a.grad() == grad);
    }

    @Test
    void otherNormsByHand() {
        Tensor a = withGrad(new double[] {0, 0}, new double[] {-3, 1});
        Tensor b = withGrad(new double[] {0}, new double[] {2});
        assertEquals(6, GradClipping.clipGradNorm(List.of(a, b), 100, 1), 1e-12);
        assertEquals(3, GradClipping.clipGradNorm(List.of(a, b), 100, Double.POSITIVE_INFINITY), 0);
        assertEquals(Math.cbrt(27 + 1 + 8), GradClipping.clipGradNorm(List.of(a, b), 100, 3), 1e-12);
        GradClipping.clipGradNorm(List.of(a, b), 1.5, Double.POSITIVE_INFINITY);
        assertArrayEquals(new double[] {-1.5, 0.5}, a.grad().toDoubleArray(), 1e-6);
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Tensor none = Nabla.tensor(new double[] {1}, 1).requiresGrad(true);
        assertEquals(0, GradClipping.clipGradNorm(List.of(none), 1.0));
        Tensor a = withGrad(new double[] {0}, new double[] {2});
        assertEquals(2, GradClipping.clipGradNorm(List.of(none, a), 1.0), 1e-15);
        assertNull(none.grad());
    }

    @Test
    void sharedGradientTensorsAreScaledOnce() {
        // Autograd may give both inputs of an add the same gradient tensor.
        Tensor a = Nabla.tensor(new double[] {1, 1}, 2).requiresGrad(true);
        Tensor b = Nabla.tensor(new double[] {1, 1}, 2).requiresGrad(true);
        a.add(b).mul(Nabla.tensor(new double[] {3, 4}, 2)).sum().backward();
        GradClipping.clipGradNorm(List.of(a, b), 1.0);
        double scale = 1.0 / (Math.sqrt(50) + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 4 * scale}, a.grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {3 * scale, 4 * scale}, b.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void nonFiniteNormsThrowWhenAsked() {
        Tensor a = withGrad(new double[] {0}, new double[] {Double.NaN});
        var e = assertThrows(ArithmeticException.class, () -> GradClipping.clipGradNorm(List.of(a), 1.0, 2.0, true));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void clipValueClamps() {
        Tensor a = withGrad(new double[] {0, 0, 0}, new double[] {-3, 0.5, 7});
        GradClipping.clipGradValue(List.of(a), 1.0);
        assertArrayEquals(new double[] {-1, 0.5, 1}, a.grad().toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> GradClipping.clipGradValue(List.of(a), -1));
    }

    @Test
    void matchesPyTorch() {
        JsonNode fixture = OptimFixtures.load("clipping.json");
        for (JsonNode c : fixture.get("norm")) {
            TestProblem problem = withFixtureGrads(fixture);
            double normType = c.get("normType").isTextual() ? Double.POSITIVE_INFINITY : c.get("normType").asDouble();
            double total = GradClipping.clipGradNorm(problem.all(), c.get("maxNorm").asDouble(), normType);
            String what = "clipGradNorm(" + c.get("maxNorm") + ", " + normType + ")";
            OptimFixtures.assertClose(new double[] {c.get("totalNorm").asDouble()}, new double[] {total}, what + " total");
            for (String n : TestProblem.NAMES)
                OptimFixtures.assertClose(OptimFixtures.tensor(c.get("clipped").get(n)), problem.params.get(n).grad(), what + " " + n);
        }
        for (JsonNode c : fixture.get("value")) {
            TestProblem problem = withFixtureGrads(fixture);
            GradClipping.clipGradValue(problem.all(), c.get("clipValue").asDouble());
            for (String n : TestProblem.NAMES)
                OptimFixtures.assertClose(OptimFixtures.tensor(c.get("clipped").get(n)), problem.params.get(n).grad(), "clipGradValue " + n);
        }
    }

    /** The fixture's problem with the gradients at its starting point, checked against PyTorch's. */
    private static TestProblem withFixtureGrads(JsonNode fixture) {
        TestProblem problem = new TestProblem();
        problem.loss().backward();
        for (String n : TestProblem.NAMES)
            OptimFixtures.assertClose(OptimFixtures.tensor(fixture.get("grads").get(n)), problem.params.get(n).grad(), "gradient of " + n);
        return problem;
    }
}
