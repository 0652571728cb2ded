package dev.nabla.nn.keras;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.optim.GradClipping;
import dev.nabla.nn.optim.ParamGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fit (or evaluate) of a compiled {@link Model}: the epoch and batch loops, logs and callbacks. */
final class Trainer {
    private final Model model;
    private final FitOptions options;
    private final List<Callback> callbacks = new ArrayList<>();

    Trainer(Model model, FitOptions options) {
        this.model = model;
        this.options = options;
        if (options.verbose() == 1) callbacks.add(ProgressBar.forConsole());
        else if (options.verbose() == 2) callbacks.add(new ProgressBar(System.out, false));
        callbacks.addAll(options.callbacks());
    }

    History run(Batches train, Batches validation) {
        History history = new History();
        boolean wasTraining = model.module().isTraining();
        model.clearStopRequest();
        try {
            var plan = new Callback.TrainingPlan(options.epochs(), train.count(), validation != null);
            for (Callback c : callbacks) c.onTrainBegin(model, plan);
            Map<String, Double> logs = Map.of();
            for (int epoch = 0; epoch < options.epochs() && !model.stopRequested(); epoch++) {
                for (Callback c : callbacks) c.onEpochBegin(epoch);
                logs = trainEpoch(train);
                logs.put("lr", model.optimizer().paramGroups().getFirst().lr());
                if (validation != null) logs.putAll(evaluate(model, validation, "val_"));
                for (Callback c : callbacks) c.onEpochEnd(epoch, logs);
                history.append(logs);
            }
            for (Callback c : callbacks) c.onTrainEnd(logs);
        } finally {
            model.module().train(wasTraining);
        }
        return history;
    }

    private Map<String, Double> trainEpoch(Batches train) {
        model.module().train();
        for (Metric m : model.metrics()) m.reset();
        double lossSum = 0;
        long seen = 0;
        try (Batches.Pass pass = train.open()) {
            for (int b = 0; pass.hasNext() && !model.stopRequested(); b++) {
                Tensor[] batch = pass.next();
                for (Callback c : callbacks) c.onBatchBegin(b);
                Tensor[] inputs = inputsOf(batch);
                Tensor target = batch[batch.length - 1];
                model.recordSampleShapes(inputs);
                model.optimizer().zeroGrad();
                Tensor out = model.forward().apply(inputs);
                Tensor loss = scalarLoss(model.loss().apply(out, target));
                loss.backward();
                clipGradients();
                model.optimizer().step();
                int n = target.size(0);
                lossSum += loss.item() * n;
                seen += n;
                try (var g = Nabla.noGrad()) {
                    Tensor predictions = out.detach();
                    for (Metric m : model.metrics()) m.update(predictions, target);
                }
                Map<String, Double> logs = results(model, "", lossSum / seen);
                logs.put("size", (double) n);
                for (Callback c : callbacks) c.onBatchEnd(b, logs);
            }
        }
        if (seen == 0) throw new IllegalStateException("fit: the training data gave no batches");
        return results(model, "", lossSum / seen);
    }

    /** The mean loss and metrics over all batches, in eval mode without autograd, keyed prefix + name. */
    static Map<String, Double> evaluate(Model model, Batches data, String prefix) {
        for (Metric m : model.metrics()) m.reset();
        boolean wasTraining = model.module().isTraining();
        model.module().eval();
        double lossSum = 0;
        long seen = 0;
        try (var g = Nabla.noGrad(); Batches.Pass pass = data.open()) {
            while (pass.hasNext()) {
                Tensor[] batch = pass.next();
                Tensor target = batch[batch.length - 1];
                Tensor out = model.forward().apply(inputsOf(batch));
                int n = target.size(0);
                lossSum += scalarLoss(model.loss().apply(out, target)).item() * n;
                seen += n;
                for (Metric m : model.metrics()) m.update(out, target);
            }
        } finally {
            model.module().train(wasTraining);
        }
        if (seen == 0) throw new IllegalStateException("evaluate: the data gave no batches");
        return results(model, prefix, lossSum / seen);
    }

    private static Map<String, Double> results(Model model, String prefix, double meanLoss) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", meanLoss);
        for (Metric m : model.metrics()) logs.put(prefix + m.name(), m.result());
        return logs;
    }

    private void clipGradients() {
        if (options.clipGradNorm() == 0 && options.clipGradValue() == 0) return;
        List<Tensor> params = new ArrayList<>();
        for (ParamGroup<?> g : model.optimizer().paramGroups()) params.addAll(g.params());
        if (options.clipGradValue() > 0) GradClipping.clipGradValue(params, options.clipGradValue());
        if (options.clipGradNorm() > 0) GradClipping.clipGradNorm(params, options.clipGradNorm());
    }

    private static Tensor[] inputsOf(Tensor[] batch) {
        if (batch.length < 2)
            throw new IllegalArgumentException("a batch must be Tensor[]{inputs..., target}; got " + batch.length + " tensor(s)");
        return Arrays.copyOf(batch, batch.length - 1);
    }

    private static Tensor scalarLoss(Tensor loss) {
        if (loss.numel() != 1)
            throw new IllegalArgumentException("the loss must be a scalar (a mean- or sum-reduced loss), got shape " + Arrays.toString(loss.shape()));
        return loss;
    }
}
