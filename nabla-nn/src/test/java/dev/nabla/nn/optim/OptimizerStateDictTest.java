package dev.nabla.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A state dict taken mid-run and loaded into a fresh optimizer continues the run bit for bit. */
class OptimizerStateDictTest {
    static List<JsonNode> cases() {
        return OptimizerCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTripContinuesBitIdentically(JsonNode fixtureCase) {
        TestProblem original = new TestProblem();
        Optimizer<?> optimizer = OptimizerCases.build(fixtureCase, original.params);
        for (int i = 0; i < 7; i++) original.step(optimizer);
        Map<String, Object> saved = optimizer.stateDict();
        Map<String, Tensor> savedParams = new LinkedHashMap<>();
        original.params.forEach((n, p) -> savedParams.put(n, p.detach().clone()));
        // Keep going: the saved dict must be a snapshot, not a live view of the state.
        for (int i = 0; i < 6; i++) original.step(optimizer);

        TestProblem resumed = new TestProblem(savedParams);
        Optimizer<?> fresh = OptimizerCases.build(fixtureCase, resumed.params);
        fresh.loadStateDict(saved);
        for (int i = 0; i < 6; i++) resumed.step(fresh);

        for (String n : TestProblem.NAMES)
            assertTrue(original.params.get(n).equal(resumed.params.get(n)), n + " differs after resuming");
    }

    @Test
    void layoutIsPlainMapsTensorsAndNumbers() {
        Tensor w = Nabla.tensor(new double[] {1, 2}, 2).requiresGrad(true);
        Tensor unused = Nabla.tensor(new double[] {3}, 1).requiresGrad(true);
        var adam = new Adam(List.of(ParamGroup.of(List.of(w), Adam.Options.defaults().withAmsgrad(true)),
                ParamGroup.of(List.of(unused), Adam.Options.defaults().withLr(0.5))));
        w.mul(w).sum().backward();
        adam.step();

        Map<String, Object> dict = adam.stateDict();
        Map<?, ?> state = (Map<?, ?>) dict.get("state");
        assertEquals(1, state.size(), "a parameter that never had a gradient has no state");
        Map<?, ?> wState = (Map<?, ?>) state.get(0);
        assertEquals(1L, wState.get("step"));
        assertTrue(((Tensor) wState.get("expAvg")).allclose(Nabla.tensor(new double[] {0.2, 0.4}, 2)));
        assertTrue(wState.containsKey("expAvgSq") && wState.containsKey("maxExpAvgSq"));
        List<?> groups = (List<?>) dict.get("paramGroups");
        assertEquals(List.of(0), ((Map<?, ?>) groups.get(0)).get("params"));
        assertEquals(List.of(1), ((Map<?, ?>) groups.get(1)).get("params"));
        assertEquals(0.5, ((Map<?, ?>) groups.get(1)).get("lr"));
        assertEquals(true, ((Map<?, ?>) groups.get(0)).get("amsgrad"));
    }

    @Test
    void loadingRestoresHyperParametersOfEachGroup() {
        Tensor a = Nabla.tensor(new double[] {1}, 1).requiresGrad(true);
        Tensor b = Nabla.tensor(new double[] {1}, 1).requiresGrad(true);
        var sgd = new Sgd(List.of(ParamGroup.of(List.of(a), Sgd.Options.of(0.1)), ParamGroup.of(List.of(b), Sgd.Options.of(0.2))));
        Map<String, Object> saved = sgd.stateDict();
        sgd.paramGroups().get(0).setLr(5);
        sgd.paramGroups().get(1).setOptions(Sgd.Options.of(7).withMomentum(0.9));
        sgd.loadStateDict(saved);
        assertEquals(Sgd.Options.of(0.1), sgd.paramGroups().get(0).options());
        assertEquals(Sgd.Options.of(0.2), sgd.paramGroups().get(1).options());
    }

    @Test
    void mismatchedStateDictsAreRejectedWithoutChangingTheOptimizer() {
        Tensor a = Nabla.tensor(new double[] {1, 2}, 2).requiresGrad(true);
        var adam = new Adam(List.of(a), Adam.Options.defaults());
        a.sum().backward();
        adam.step();
        Map<String, Object> saved = adam.stateDict();

        Tensor other = Nabla.tensor(new double[] {1, 2, 3}, 3).requiresGrad(true);
        var misShaped = new Adam(List.of(other), Adam.Options.defaults().withLr(0.3));
        var e = assertThrows(IllegalArgumentException.class, () -> misShaped.loadStateDict(saved));
        assertTrue(e.getMessage().contains("shape [2]"), e.getMessage());
        assertEquals(0.3, misShaped.paramGroups().getFirst().lr());

        var twoParams = new Adam(List.of(a, other), Adam.Options.defaults());
        e = assertThrows(IllegalArgumentException.class, () -> twoParams.loadStateDict(saved));
        assertTrue(e.getMessage().contains("has 1 parameters"), e.getMessage());

        var sgd = new Sgd(List.of(a), Sgd.Options.of(0.1));
        e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(saved));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
    }

    @Test
    void stateIsCastToTheParameterDtype() {
        Tensor p64 = Nabla.tensor(new double[] {1, 2}, 2).requiresGrad(true);
        var adam = new Adam(List.of(p64), Adam.Options.defaults());
        p64.sum().backward();
        adam.step();
        Tensor p32 = Nabla.tensor(new float[] {1, 2}, 2).requiresGrad(true);
        var adam32 = new Adam(new ArrayList<>(List.of(p32)), Adam.Options.defaults());
        adam32.loadStateDict(adam.stateDict());
        Map<?, ?> state = (Map<?, ?>) ((Map<?, ?>) adam32.stateDict().get("state")).get(0);
        assertEquals(p32.dtype(), ((Tensor) state.get("expAvg")).dtype());
    }
}
