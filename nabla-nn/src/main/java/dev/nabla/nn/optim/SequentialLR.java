package dev.nabla.nn.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs schedulers one after another, switching at the milestone epochs (PyTorch's SequentialLR):
 * e.g. linear warm-up for 5 epochs, then cosine annealing:
 * <pre>{@code
 * var warmup = new LinearLR(opt, 0.01, 1.0, 5);
 * var cosine = new CosineAnnealingLR(opt, 95);
 * var schedule = new SequentialLR(opt, List.of(warmup, cosine), new int[] {5});
 * }</pre>
 * A scheduler taking over restarts from epoch 0 of its own schedule, from the initial learning rate.
 */
public final class SequentialLR extends LrScheduler {
    private final List<LrScheduler> schedulers;
    private final int[] milestones;

    public SequentialLR(Optimizer<?> optimizer, List<LrScheduler> schedulers, int[] milestones) {
        if (schedulers.isEmpty()) throw new IllegalArgumentException("SequentialLR: needs at least one scheduler");
        for (int i = 0; i < schedulers.size(); i++)
            if (schedulers.get(i).optimizer != optimizer)
                throw new IllegalArgumentException("SequentialLR: scheduler " + i + " belongs to a different optimizer");
        if (milestones.length != schedulers.size() - 1)
            throw new IllegalArgumentException("SequentialLR: " + schedulers.size() + " schedulers need " + (schedulers.size() - 1)
                    + " milestones, got " + milestones.length);
        for (int i = 1; i < milestones.length; i++)
            if (milestones[i] <= milestones[i - 1])
                throw new IllegalArgumentException("SequentialLR: milestones must increase, got " + java.util.Arrays.toString(milestones));
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        super(optimizer);
    }

    @Override
    protected double[] computeLr() {
        if (lastEpoch == 0) {
            // Each scheduler stepped once when it was built: undo that, then start the first one.
            for (ParamGroup<?> g : optimizer.paramGroups()) g.setLr(g.initialLr().getAsDouble());
            for (LrScheduler s : schedulers) s.lastEpoch--;
            schedulers.getFirst().initialStep();
            return schedulers.getFirst().getLastLr();
        }
        int index = 0;
        while (index < milestones.length && milestones[index] <= lastEpoch) index++;
        LrScheduler active = schedulers.get(index);
        if (index > 0 && milestones[index - 1] == lastEpoch) active.stepTo(0);
        else active.step();
        return active.getLastLr();
    }

    /** The base entries plus {@code "schedulers"}: the list of the inner schedulers' state dicts. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> dict = super.stateDict();
        List<Map<String, Object>> inner = new ArrayList<>();
        for (LrScheduler s : schedulers) inner.add(s.stateDict());
        dict.put("schedulers", inner);
        return dict;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> dict) {
        if (!(dict.get("schedulers") instanceof List<?> inner) || inner.size() != schedulers.size())
            throw new IllegalArgumentException("SequentialLR: state dict should hold " + schedulers.size() + " scheduler states");
        super.loadStateDict(dict);
        for (int i = 0; i < schedulers.size(); i++) schedulers.get(i).loadStateDict((Map<String, Object>) inner.get(i));
    }
}
