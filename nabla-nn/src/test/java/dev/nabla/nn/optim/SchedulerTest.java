package dev.nabla.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scheduler state dicts and errors; the schedules themselves are checked in SchedulerParityTest. */
class SchedulerTest {
    static List<JsonNode> cases() {
        return SchedulerCases.all();
    }

    /** Save optimizer and scheduler after 12 steps, load both into fresh ones, and the rest of the schedule is identical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateDictRoundTripResumesTheSchedule(JsonNode fixtureCase) {
        JsonNode spec = fixtureCase.get("spec");
        boolean plateau = spec.get("type").asText().equals("ReduceLROnPlateau");
        double[] metrics = plateau ? OptimFixtures.doubles(fixtureCase.get("metrics")) : null;
        // The fixture's steps: one per metric, or one fewer than the recorded lrs (the first is the constructor's).
        int total = plateau ? metrics.length : fixtureCase.get("lrs").size() - 1;

        Optimizer<?> opt = SchedulerCases.optimizer(fixtureCase);
        Stepper original = stepper(opt, spec);
        Map<String, Object> optState = null, schedState = null;
        double[][] expected = new double[total][];
        for (int i = 0; i < total; i++) {
            if (i == 12) {
                optState = opt.stateDict();
                schedState = original.stateDict();
            }
            expected[i] = original.step(metrics == null ? 0 : metrics[i]);
        }

        Optimizer<?> freshOpt = SchedulerCases.optimizer(fixtureCase);
        Stepper resumed = stepper(freshOpt, spec);
        freshOpt.loadStateDict(optState);
        resumed.loadStateDict(schedState);
        for (int i = 12; i < total; i++)
            assertArrayEquals(expected[i], resumed.step(metrics == null ? 0 : metrics[i]), fixtureCase.get("name") + " step " + i);
    }

    /** One interface over both kinds of scheduler, for the round-trip test. */
    private interface Stepper {
        double[] step(double metric);
        Map<String, Object> stateDict();
        void loadStateDict(Map<String, Object> dict);
    }

    private static Stepper stepper(Optimizer<?> opt, JsonNode spec) {
        if (spec.get("type").asText().equals("ReduceLROnPlateau")) {
            ReduceLROnPlateau s = SchedulerCases.plateau(opt, spec);
            return new Stepper() {
                public double[] step(double metric) { s.step(metric); return s.getLastLr(); }
                public Map<String, Object> stateDict() { return s.stateDict(); }
                public void loadStateDict(Map<String, Object> dict) { s.loadStateDict(dict); }
            };
        }
        LrScheduler s = SchedulerCases.scheduler(opt, spec);
        return new Stepper() {
            public double[] step(double metric) { s.step(); return s.getLastLr(); }
            public Map<String, Object> stateDict() { return s.stateDict(); }
            public void loadStateDict(Map<String, Object> dict) { s.loadStateDict(dict); }
        };
    }

    private static Sgd sgd() {
        return new Sgd(List.of(Nabla.zeros(2).requiresGrad(true)), Sgd.Options.of(0.1));
    }

    @Test
    void constructionTakesTheFirstStep() {
        var opt = sgd();
        var linear = new LinearLR(opt, 0.5, 1.0, 4);
        assertEquals(0.05, opt.paramGroups().getFirst().lr(), 1e-15);
        assertEquals(0, linear.lastEpoch());
        assertEquals(0.1, opt.paramGroups().getFirst().initialLr().getAsDouble());
    }

    @Test
    void oneCycleRefusesToStepPastTheEnd() {
        var cycle = new OneCycleLR(sgd(), OneCycleLR.Options.of(1.0, 3));
        cycle.step();
        cycle.step();
        cycle.step();
        var e = assertThrows(IllegalStateException.class, cycle::step);
        assertEquals("OneCycleLR: tried to step 5 times; totalSteps is 3", e.getMessage());
    }

    @Test
    void oneCycleNeedsMomentumToCycleIt() {
        var adagrad = new Adagrad(List.of(Nabla.zeros(2).requiresGrad(true)), Adagrad.Options.defaults());
        var e = assertThrows(IllegalArgumentException.class, () -> new OneCycleLR(adagrad, OneCycleLR.Options.of(1.0, 10)));
        assertTrue(e.getMessage().startsWith("OneCycleLR: Adagrad has no momentum to cycle"), e.getMessage());
        new OneCycleLR(adagrad, OneCycleLR.Options.of(1.0, 10).withCycleMomentum(false));
        assertEquals(0.04, adagrad.paramGroups().getFirst().lr(), 1e-15);
    }

    @Test
    void sequentialChecksItsArguments() {
        var opt = sgd();
        var warmup = new LinearLR(opt, 0.1, 1.0, 5);
        var cosine = new CosineAnnealingLR(opt, 10);
        var e = assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(warmup, cosine), new int[] {}));
        assertEquals("SequentialLR: 2 schedulers need 1 milestones, got 0", e.getMessage());
        var elsewhere = new StepLR(sgd(), 3);
        e = assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(warmup, elsewhere), new int[] {5}));
        assertEquals("SequentialLR: scheduler 1 belongs to a different optimizer", e.getMessage());
    }

    @Test
    void invalidArgumentsAreNamed() {
        var opt = sgd();
        assertEquals("StepLR: stepSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLR(opt, 0)).getMessage());
        assertEquals("LinearLR: startFactor must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new LinearLR(opt, 0, 1, 5)).getMessage());
        assertEquals("ReduceLROnPlateau: factor must be < 1, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.Options.defaults().withFactor(1)).getMessage());
    }
}
