package dev.nabla.nn.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes the learning rate of every parameter group as training goes on; PyTorch's
 * {@code _LRScheduler} contract. Call {@link #step()} once per epoch (or per batch, for schedules
 * counted in batches) after {@code optimizer.step()}. Constructing a scheduler already takes the
 * first step (epoch 0), which sets the starting learning rate.
 *
 * <p>Subclasses give the chainable form ({@link #computeLr()}, usually from the groups' current lr)
 * and, where one exists, the closed form ({@link #closedFormLr()}) that {@link SequentialLR} uses to
 * restart a schedule. Subclasses set their own fields before calling {@code super(optimizer)}, since
 * the constructor steps.
 */
public abstract class LrScheduler {
    protected final Optimizer<?> optimizer;
    /** Each group's initial learning rate, the base the schedule scales. */
    protected final double[] baseLrs;
    /** The epoch (or step) just entered: 0 after construction. */
    protected int lastEpoch = -1;
    private double[] lastLr;

    protected LrScheduler(Optimizer<?> optimizer) {
        this.optimizer = optimizer;
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            ParamGroup<?> g = groups.get(i);
            if (g.initialLr().isEmpty()) g.setInitialLr(g.lr());
            baseLrs[i] = g.initialLr().getAsDouble();
        }
        initialStep();
    }

    final void initialStep() {
        step();
    }

    /** Moves to the next epoch and sets each group's learning rate. */
    public void step() {
        lastEpoch++;
        apply(computeLr());
    }

    /** Jumps to epoch (PyTorch's deprecated step(epoch)), using the closed form. */
    void stepTo(int epoch) {
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    private void apply(double[] lrs) {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        for (int i = 0; i < lrs.length; i++) groups.get(i).setLr(lrs[i]);
        lastLr = currentLrs();
    }

    /** The learning rates for lastEpoch, from the groups' current ones (PyTorch's get_lr). */
    protected abstract double[] computeLr();

    /** The learning rates for lastEpoch from the base ones alone; the chainable form unless overridden. */
    protected double[] closedFormLr() {
        return computeLr();
    }

    /** The learning rate this scheduler last set, one per group. */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    protected final double[] currentLrs() {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    /**
     * The schedule's progress: {@code "lastEpoch"} (Integer), {@code "baseLrs"} and {@code "lastLr"} (List of Double). The hyper-parameters are not included:
     * load into a scheduler constructed the same way, together with the optimizer's state dict
     * (which holds the current learning rates).
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("lastEpoch", lastEpoch);
        dict.put("baseLrs", toList(baseLrs));
        dict.put("lastLr", toList(lastLr));
        return dict;
    }

    public void loadStateDict(Map<String, Object> dict) {
        double[] bases = toArray(dict.get("baseLrs"), "baseLrs");
        double[] last = toArray(dict.get("lastLr"), "lastLr");
        if (bases.length != baseLrs.length || last.length != baseLrs.length)
            throw new IllegalArgumentException(getClass().getSimpleName() + ": state dict is for " + bases.length
                    + " parameter groups, the optimizer has " + baseLrs.length);
        lastEpoch = ((Number) dict.get("lastEpoch")).intValue();
        System.arraycopy(bases, 0, baseLrs, 0, bases.length);
        lastLr = last;
    }

    static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) list.add(v);
        return list;
    }

    static double[] toArray(Object list, String key) {
        if (!(list instanceof List<?> l)) throw new IllegalArgumentException("scheduler state dict: '" + key + "' is missing or not a list");
        return l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
