package dev.nabla.nn.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scheduler configuration gives PyTorch 1.13's learning rates (and momenta) over 30 steps. */
class SchedulerParityTest {
    static List<JsonNode> cases() {
        return SchedulerCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorchSchedule(JsonNode fixtureCase) {
        String name = fixtureCase.get("name").asText();
        Optimizer<?> opt = SchedulerCases.optimizer(fixtureCase);
        List<JsonNode> lrs = OptimFixtures.list(fixtureCase.get("lrs"));
        JsonNode spec = fixtureCase.get("spec");
        if (spec.get("type").asText().equals("ReduceLROnPlateau")) {
            ReduceLROnPlateau plateau = SchedulerCases.plateau(opt, spec);
            double[] metrics = OptimFixtures.doubles(fixtureCase.get("metrics"));
            for (int i = 0; i < metrics.length; i++) {
                opt.step();
                plateau.step(metrics[i]);
                OptimFixtures.assertClose(OptimFixtures.doubles(lrs.get(i)), plateau.getLastLr(), name + " step " + (i + 1));
            }
            return;
        }
        LrScheduler scheduler = SchedulerCases.scheduler(opt, spec);
        for (int i = 0; i < lrs.size(); i++) {
            if (i > 0) {
                opt.step();
                scheduler.step();
            }
            OptimFixtures.assertClose(OptimFixtures.doubles(lrs.get(i)), scheduler.getLastLr(), name + " lr after " + i + " steps");
            OptimFixtures.assertClose(OptimFixtures.doubles(lrs.get(i)), opt.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray(),
                    name + " group lr after " + i + " steps");
            if (fixtureCase.has("momenta"))
                OptimFixtures.assertClose(OptimFixtures.doubles(fixtureCase.get("momenta").get(i)), SchedulerCases.momenta(opt),
                        name + " momentum after " + i + " steps");
        }
    }
}
