package dev.nabla.nn.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Builds the optimizer and scheduler a fixtures/optim/schedulers.json case describes. */
final class SchedulerCases {
    private SchedulerCases() {}

    static List<JsonNode> all() {
        return OptimFixtures.list(OptimFixtures.load("schedulers.json").get("cases"));
    }

    /** Two groups at lr 0.1 and 0.01: SGD with momentum 0.9, or Adam; as in the script. */
    static Optimizer<?> optimizer(JsonNode fixtureCase) {
        List<Tensor> a = List.of(Nabla.zeros(2).requiresGrad(true)), b = List.of(Nabla.zeros(3).requiresGrad(true));
        if (fixtureCase.get("optimizer").asText().equals("adam"))
            return new Adam(List.of(ParamGroup.of(a, Adam.Options.defaults().withLr(0.1)), ParamGroup.of(b, Adam.Options.defaults().withLr(0.01))));
        Sgd.Options options = Sgd.Options.of(0.1).withMomentum(0.9);
        return new Sgd(List.of(ParamGroup.of(a, options), ParamGroup.of(b, options.withLr(0.01))));
    }

    static LrScheduler scheduler(Optimizer<?> opt, JsonNode spec) {
        return switch (spec.get("type").asText()) {
            case "StepLR" -> new StepLR(opt, spec.get("stepSize").asInt(), spec.get("gamma").asDouble());
            case "MultiStepLR" -> new MultiStepLR(opt, OptimFixtures.ints(spec.get("milestones")), spec.get("gamma").asDouble());
            case "ExponentialLR" -> new ExponentialLR(opt, spec.get("gamma").asDouble());
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, spec.get("tMax").asInt(), spec.get("etaMin").asDouble());
            case "LinearLR" -> new LinearLR(opt, spec.get("startFactor").asDouble(), spec.get("endFactor").asDouble(), spec.get("totalIters").asInt());
            case "OneCycleLR" -> {
                var options = OneCycleLR.Options.of(spec.get("maxLr").asDouble(), spec.get("totalSteps").asInt())
                        .withAnneal(OneCycleLR.Anneal.valueOf(spec.get("anneal").asText()))
                        .withThreePhase(spec.get("threePhase").asBoolean());
                if (spec.has("pctStart")) options = options.withPctStart(spec.get("pctStart").asDouble());
                yield new OneCycleLR(opt, options);
            }
            case "SequentialLR" -> {
                List<LrScheduler> inner = new ArrayList<>();
                for (JsonNode s : spec.get("schedulers")) inner.add(scheduler(opt, s));
                yield new SequentialLR(opt, inner, OptimFixtures.ints(spec.get("milestones")));
            }
            default -> throw new IllegalArgumentException("not an epoch scheduler: " + spec.get("type"));
        };
    }

    static ReduceLROnPlateau plateau(Optimizer<?> opt, JsonNode spec) {
        var options = ReduceLROnPlateau.Options.defaults()
                .withMode(ReduceLROnPlateau.Mode.valueOf(spec.get("mode").asText()))
                .withFactor(spec.get("factor").asDouble())
                .withPatience(spec.get("patience").asInt())
                .withThreshold(spec.get("threshold").asDouble(), ReduceLROnPlateau.ThresholdMode.valueOf(spec.get("thresholdMode").asText()))
                .withCooldown(spec.get("cooldown").asInt())
                .withMinLr(spec.get("minLr").asDouble());
        return new ReduceLROnPlateau(opt, options);
    }

    static double[] momenta(Optimizer<?> opt) {
        return opt.paramGroups().stream().mapToDouble(g -> g.momentumTerm().getAsDouble()).toArray();
    }
}
