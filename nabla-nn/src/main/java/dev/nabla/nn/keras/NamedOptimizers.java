package dev.nabla.nn.keras;

import dev.nabla.Tensor;
import dev.nabla.nn.optim.Adagrad;
import dev.nabla.nn.optim.Adam;
import dev.nabla.nn.optim.AdamW;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.RmsProp;
import dev.nabla.nn.optim.Sgd;
import java.util.List;

/** Optimizers by name for {@link Model#compile(String, double, String, String...)}: PyTorch's defaults but the learning rate. */
final class NamedOptimizers {
    private NamedOptimizers() {}

    static Optimizer<?> create(String name, double lr, List<Tensor> params) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "sgd" -> new Sgd(params, Sgd.Options.of(lr));
            case "adam" -> new Adam(params, Adam.Options.defaults().withLr(lr));
            case "adamw" -> new AdamW(params, AdamW.Options.defaults().withLr(lr));
            case "rmsprop" -> new RmsProp(params, RmsProp.Options.defaults().withLr(lr));
            case "adagrad" -> new Adagrad(params, Adagrad.Options.defaults().withLr(lr));
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: sgd, adam, adamw, rmsprop, adagrad "
                    + "(or pass an Optimizer built over model.module().parameters())");
        };
    }
}
