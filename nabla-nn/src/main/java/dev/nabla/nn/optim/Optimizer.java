package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Updates parameters from their gradients, PyTorch style: {@code zeroGrad()}, backward, {@code step()}.
 * Parameters live in {@link ParamGroup}s, each with its own hyper-parameters; per-parameter state
 * (momentum buffers, moment estimates, step counts) is kept here and survives a
 * {@link #stateDict()} / {@link #loadStateDict(Map)} round trip exactly.
 *
 * <h2>State-dict layout</h2>
 * A {@code Map<String, Object>} with two entries, mirroring PyTorch's:
 * <pre>
 * "state"       : Map&lt;Integer, Map&lt;String, Object&gt;&gt;   parameter index -&gt; its state:
 *                 buffer name -&gt; Tensor (a copy, the parameter's shape and dtype), "step" -&gt; Long.
 *                 Parameters that have no state yet are absent.
 * "paramGroups" : List&lt;Map&lt;String, Object&gt;&gt;    one per group: every options component
 *                 (e.g. "lr" -&gt; Double, "amsgrad" -&gt; Boolean), "params" -&gt; List&lt;Integer&gt;,
 *                 and "initialLr" -&gt; Double once a scheduler has set it.
 * </pre>
 * Parameter indices count through the groups in order, so a state dict loads into any optimizer of
 * the same type built over parameters of the same shapes in the same order.
 *
 * <p>Subclasses implement {@link #update}, called for each parameter that has a gradient, inside a
 * no-grad scope.
 *
 * @param <O> the options record of this optimizer
 */
public abstract class Optimizer<O extends OptimizerOptions<O>> {
    private final String name;
    private final Class<O> optionsType;
    private final List<ParamGroup<O>> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();

    /** One group holding every parameter. */
    protected Optimizer(String name, Iterable<Tensor> params, O options) {
        this(name, List.of(new ParamGroup<>(params, options)));
    }

    protected Optimizer(String name, List<ParamGroup<O>> groups) {
        this.name = name;
        if (groups.isEmpty()) throw new IllegalArgumentException(name + ": got no parameter groups");
        this.optionsType = optionsType(name, groups.getFirst().options());
        for (ParamGroup<O> g : groups) addParamGroup(g);
        if (groups.stream().allMatch(g -> g.params().isEmpty())) throw new IllegalArgumentException(name + ": got an empty parameter list");
    }

    @SuppressWarnings("unchecked")
    private static <O> Class<O> optionsType(String name, O options) {
        if (!(options instanceof Record))
            throw new IllegalArgumentException(name + ": options must be a record so state dicts can store them, got " + options.getClass().getName());
        return (Class<O>) options.getClass();
    }

    /** Adds a group (e.g. layers unfrozen later); a parameter may belong to one group only. */
    public void addParamGroup(ParamGroup<O> group) {
        Set<Tensor> existing = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup<O> g : groups) existing.addAll(g.params());
        for (Tensor p : group.params()) {
            if (!p.dtype().isFloatingPoint())
                throw new IllegalArgumentException(name + ": can only optimize floating-point tensors, got " + p.dtype());
            if (!p.isLeaf())
                throw new IllegalArgumentException(name + ": can't optimize a non-leaf tensor (made by " + p.gradFn().name() + "); pass the leaf parameters");
            if (!existing.add(p))
                throw new IllegalArgumentException(name + ": a parameter of shape " + Arrays.toString(p.shape()) + " appears more than once");
        }
        groups.add(group);
    }

    public List<ParamGroup<O>> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** The optimizer's name as PyTorch spells it (used in error messages), e.g. "SGD". */
    public String name() {
        return name;
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        try (var g = Nabla.noGrad()) {
            for (ParamGroup<O> group : groups) {
                O options = group.options();
                for (Tensor p : group.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) continue;
                    update(p, grad, state.computeIfAbsent(p, k -> new ParamState()), options);
                }
            }
        }
    }

    /** Updates param in place (no-grad mode is on) from grad, reading and writing its state. */
    protected abstract void update(Tensor param, Tensor grad, ParamState state, O options);

    /** Clears every gradient (sets it to null, PyTorch's default since 2.0). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Clears every gradient: to null, or to a fresh zero tensor when setToNone is false. A fresh
     * tensor rather than zeroing in place because a leaf's gradient may share storage with another
     * leaf's (autograd hands the same tensor to both inputs of an add).
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup<O> group : groups)
            for (Tensor p : group.params())
                if (p.grad() != null) p.setGrad(setToNone ? null : Nabla.zerosLike(p));
    }

    // ------------------------------------------------------------------ state dicts

    /** A snapshot of hyper-parameters and per-parameter state (copies; see the class comment for the layout). */
    public Map<String, Object> stateDict() {
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int index = 0;
        for (ParamGroup<O> group : groups) {
            Map<String, Object> g = OptionsMaps.toMap((Record) group.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : group.params()) {
                ParamState s = state.get(p);
                if (s != null) packedState.put(index, copyEntries(s.entries()));
                ids.add(index++);
            }
            g.put("params", ids);
            group.initialLr().ifPresent(lr -> g.put("initialLr", lr));
            packedGroups.add(g);
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("state", packedState);
        dict.put("paramGroups", packedGroups);
        return dict;
    }

    /**
     * Restores hyper-parameters and state from {@link #stateDict()} output (of this optimizer or one
     * built the same way). Buffers are copied and cast to their parameter's dtype.
     */
    public void loadStateDict(Map<String, Object> dict) {
        List<?> savedGroups = (List<?>) require(dict, "paramGroups");
        Map<?, ?> savedState = (Map<?, ?>) require(dict, "state");
        if (savedGroups.size() != groups.size())
            throw new IllegalArgumentException(name + ": loaded state dict has " + savedGroups.size() + " parameter groups, the optimizer has " + groups.size());
        List<Tensor> params = new ArrayList<>();
        List<O> options = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Map<?, ?> saved = (Map<?, ?>) savedGroups.get(i);
            List<?> ids = (List<?>) require(saved, "params");
            if (ids.size() != groups.get(i).params().size())
                throw new IllegalArgumentException(name + ": loaded parameter group " + i + " has " + ids.size()
                        + " parameters, the optimizer's has " + groups.get(i).params().size());
            @SuppressWarnings("unchecked")
            Map<String, ?> savedOptions = (Map<String, ?>) saved;
            options.add(optionsType.cast(OptionsMaps.fromMap(optionsType.asSubclass(Record.class), savedOptions)));
            params.addAll(groups.get(i).params());
        }
        Map<Tensor, ParamState> restored = new IdentityHashMap<>();
        for (var e : savedState.entrySet()) {
            int index = ((Number) e.getKey()).intValue();
            if (index < 0 || index >= params.size())
                throw new IllegalArgumentException(name + ": loaded state refers to parameter " + index + ", the optimizer has " + params.size());
            restored.put(params.get(index), restoreEntries(params.get(index), index, (Map<?, ?>) e.getValue()));
        }
        // Validated everything above: only now change the optimizer.
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup<O> g = groups.get(i);
            Map<?, ?> saved = (Map<?, ?>) savedGroups.get(i);
            g.setOptions(options.get(i));
            if (saved.get("initialLr") instanceof Number lr) g.setInitialLr(lr.doubleValue());
            else g.clearInitialLr();
        }
        state.clear();
        state.putAll(restored);
    }

    private Object require(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) throw new IllegalArgumentException(name + ": state dict has no '" + key + "' entry");
        return v;
    }

    private static Map<String, Object> copyEntries(Map<String, Object> entries) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (var e : entries.entrySet()) copy.put(e.getKey(), e.getValue() instanceof Tensor t ? t.detach().clone() : e.getValue());
        return copy;
    }

    private ParamState restoreEntries(Tensor param, int index, Map<?, ?> saved) {
        ParamState s = new ParamState();
        for (var e : saved.entrySet()) {
            String key = (String) e.getKey();
            Object v = e.getValue();
            if (v instanceof Tensor t) {
                if (!Arrays.equals(t.shape(), param.shape()))
                    throw new IllegalArgumentException(name + ": loaded state '" + key + "' of parameter " + index + " has shape "
                            + Arrays.toString(t.shape()) + ", the parameter has " + Arrays.toString(param.shape()));
                s.putBuffer(key, t.detach().to(param.dtype()).clone());
            } else if (key.equals(ParamState.STEP) && v instanceof Number n) {
                s.entries().put(key, n.longValue());
            } else {
                throw new IllegalArgumentException(name + ": loaded state '" + key + "' of parameter " + index + " is neither a tensor nor a step count: " + v);
            }
        }
        return s;
    }
}
