package dev.nabla.nn.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixtures' small problem: parameters W [3, 4], b [3], v [4] and the loss
 * mean((x W^T + b - y)^2) + 0.05 sum(W^4) + sum(v^4 - v^2), the same formula as the script's.
 */
final class TestProblem {
    static final List<String> NAMES = List.of("W", "b", "v");
    private static final JsonNode PROBLEM = OptimFixtures.load("optimizers.json").get("problem");

    private final Tensor x = OptimFixtures.tensor(PROBLEM.get("x"));
    private final Tensor y = OptimFixtures.tensor(PROBLEM.get("y"));
    /** Parameters by name, float64 leaves requiring grad. */
    final Map<String, Tensor> params = new LinkedHashMap<>();

    /** At the fixture's starting point. */
    TestProblem() {
        for (String n : NAMES) params.put(n, OptimFixtures.tensor(PROBLEM.get("init").get(n)).requiresGrad(true));
    }

    /** At the given parameter values (copied). */
    TestProblem(Map<String, Tensor> values) {
        for (String n : NAMES) params.put(n, values.get(n).detach().clone().requiresGrad(true));
    }

    Tensor loss() {
        Tensor w = params.get("W"), b = params.get("b"), v = params.get("v");
        Tensor r = x.matmul(w.t()).add(b).sub(y);
        return r.mul(r).mean().add(w.pow(4).sum().mul(0.05)).add(v.pow(4).sub(v.pow(2)).sum());
    }

    List<Tensor> all() {
        return List.copyOf(params.values());
    }

    /** One training step: zero grads, backward, optimizer step. */
    void step(Optimizer<?> optimizer) {
        optimizer.zeroGrad();
        loss().backward();
        optimizer.step();
    }
}
