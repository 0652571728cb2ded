package dev.nabla.nn.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer configuration follows PyTorch 1.13's 20-step trajectory (fixtures/optim/optimizers.json). */
class OptimizerParityTest {
    static List<JsonNode> cases() {
        return OptimizerCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsPyTorchTrajectory(JsonNode fixtureCase) {
        TestProblem problem = new TestProblem();
        Optimizer<?> optimizer = OptimizerCases.build(fixtureCase, problem.params);
        List<JsonNode> trajectory = OptimFixtures.list(fixtureCase.get("trajectory"));
        for (int step = 0; step < trajectory.size(); step++) {
            problem.step(optimizer);
            for (String n : TestProblem.NAMES)
                OptimFixtures.assertClose(OptimFixtures.tensor(trajectory.get(step).get(n)), problem.params.get(n),
                        fixtureCase.get("name").asText() + " step " + (step + 1) + " " + n);
        }
    }
}
