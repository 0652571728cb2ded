package dev.nabla.nn.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the optimizer a fixture case describes: its class name and groups of (parameter names, option overrides). */
final class OptimizerCases {
    private OptimizerCases() {}

    static List<JsonNode> all() {
        return OptimFixtures.list(OptimFixtures.load("optimizers.json").get("cases"));
    }

    static Optimizer<?> build(JsonNode fixtureCase, Map<String, Tensor> params) {
        JsonNode groups = fixtureCase.get("groups");
        return switch (fixtureCase.get("optimizer").asText()) {
            case "Sgd" -> new Sgd(groups(groups, params, Sgd.Options.of(0)));
            case "Adam" -> new Adam(groups(groups, params, Adam.Options.defaults()));
            case "AdamW" -> new AdamW(groups(groups, params, AdamW.Options.defaults()));
            case "RmsProp" -> new RmsProp(groups(groups, params, RmsProp.Options.defaults()));
            case "Adagrad" -> new Adagrad(groups(groups, params, Adagrad.Options.defaults()));
            default -> throw new IllegalArgumentException("unknown optimizer " + fixtureCase.get("optimizer"));
        };
    }

    @SuppressWarnings("unchecked")
    private static <O extends Record & OptimizerOptions<O>> List<ParamGroup<O>> groups(JsonNode groups, Map<String, Tensor> params, O defaults) {
        List<ParamGroup<O>> out = new ArrayList<>();
        for (JsonNode g : groups) {
            Map<String, Object> options = OptionsMaps.toMap(defaults);
            options.putAll(OptimFixtures.plainMap(g.get("options")));
            List<Tensor> members = new ArrayList<>();
            for (JsonNode name : g.get("params")) members.add(params.get(name.asText()));
            out.add(ParamGroup.of(members, OptionsMaps.fromMap((Class<O>) defaults.getClass(), options)));
        }
        return out;
    }
}
