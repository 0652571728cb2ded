package dev.nabla.nn;

import dev.nabla.DType;
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
import java.util.function.Consumer;

/**
 * The base of every layer, loss and model, as PyTorch's {@code nn.Module}: named parameters, buffers
 * and sub-modules (all kept in registration order), train/eval mode, state dicts and a readable tree.
 *
 * <p>Parameter and buffer names are PyTorch's, so {@link #stateDict()} keys ("layers.0.self_attn.in_proj_weight")
 * match a PyTorch model of the same structure and {@link #loadStateDict} takes PyTorch's weights. Subclasses
 * register what they own in their constructor and read it back with {@link #param(String)} /
 * {@link #buffer(String)}, so that {@link #to(DType)} can swap the tensors.
 */
public abstract class Module {
    // null values are allowed: PyTorch registers "bias" as None when a layer has no bias.
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistent = new java.util.HashSet<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    // ------------------------------------------------------------------ registration (subclasses)

    /** Registers a trainable tensor (made a leaf that requires grad); null registers an absent one. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkFreshName(name);
        Tensor p = value == null ? null : asParameter(value);
        parameters.put(name, p);
        return p;
    }

    /** Registers state that is not trained (running statistics); persistent buffers go into the state dict. */
    protected final Tensor registerBuffer(String name, Tensor value, boolean persistent) {
        checkFreshName(name);
        buffers.put(name, value);
        if (!persistent) nonPersistent.add(name);
        return value;
    }

    protected final Tensor registerBuffer(String name, Tensor value) {
        return registerBuffer(name, value, true);
    }

    /** Registers a sub-module; its parameters appear under "name.". */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkFreshName(name);
        if (module == null) throw new IllegalArgumentException(getClass().getSimpleName() + ": sub-module '" + name + "' is null");
        children.put(name, module);
        return module;
    }

    private void checkFreshName(String name) {
        if (name == null || name.isEmpty() || name.contains("."))
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' must be non-empty and contain no '.'");
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name))
            throw new IllegalArgumentException(getClass().getSimpleName() + ": '" + name + "' is already registered");
    }

    private static Tensor asParameter(Tensor value) {
        Tensor leaf = value.isLeaf() ? value : value.detach();
        return leaf.requiresGrad(true);
    }

    /** This module's own parameter (null when registered as absent). */
    protected final Tensor param(String name) {
        if (!parameters.containsKey(name))
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameter '" + name + "'; it has " + parameters.keySet());
        return parameters.get(name);
    }

    /** This module's own buffer (null when registered as absent). */
    protected final Tensor buffer(String name) {
        if (!buffers.containsKey(name))
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no buffer '" + name + "'; it has " + buffers.keySet());
        return buffers.get(name);
    }

    /** Replaces a buffer's tensor (running statistics updated out of place). */
    protected final void setBuffer(String name, Tensor value) {
        buffer(name);
        buffers.put(name, value);
    }

    /** A direct sub-module by name. */
    public final Module child(String name) {
        Module m = children.get(name);
        if (m == null) throw new IllegalArgumentException(getClass().getSimpleName() + " has no sub-module '" + name + "'; it has " + children.keySet());
        return m;
    }

    // ------------------------------------------------------------------ traversal

    /** The direct sub-modules, in registration order. */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    public final List<Module> children() {
        return List.copyOf(children.values());
    }

    /** This module and all below it, pre-order, keyed by dotted path ("" for this one); shared modules once. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collectModules(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) return;
        out.put(prefix, m);
        for (var e : m.children.entrySet()) collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, seen);
    }

    public final List<Module> modules() {
        return List.copyOf(namedModules().values());
    }

    /** All parameters with dotted names ("layer1.weight"), each tensor once, absent ones skipped. */
    public final Map<String, Tensor> namedParameters() {
        return collect(true);
    }

    public final List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** All buffers (persistent or not) with dotted names. */
    public final Map<String, Tensor> namedBuffers() {
        return collect(false);
    }

    public final List<Tensor> buffers() {
        return List.copyOf(namedBuffers().values());
    }

    private Map<String, Tensor> collect(boolean params) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var m : namedModules().entrySet()) {
            Map<String, Tensor> own = params ? m.getValue().parameters : m.getValue().buffers;
            for (var e : own.entrySet()) {
                if (e.getValue() != null && seen.add(e.getValue())) out.put(qualified(m.getKey(), e.getKey()), e.getValue());
            }
        }
        return out;
    }

    private static String qualified(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** The number of parameter elements (PyTorch's {@code sum(p.numel() for p in m.parameters())}). */
    public final long numParameters() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }

    /** Calls fn on every sub-module (children first, as PyTorch) and then on this one. */
    public final Module apply(Consumer<Module> fn) {
        for (Module c : children.values()) c.apply(fn);
        fn.accept(this);
        return this;
    }

    // ------------------------------------------------------------------ mode, gradients, dtype

    /** Training mode (dropout active, batch norm uses batch statistics), for this module and all below. */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children.values()) c.train(mode);
        return this;
    }

    public final Module train() {
        return train(true);
    }

    public final Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Freezes (false) or unfreezes every parameter below this module. */
    public final Module requiresGrad(boolean flag) {
        for (Tensor p : parameters()) p.requiresGrad(flag);
        return this;
    }

    /** Clears every parameter's gradient (PyTorch's set_to_none behaviour). */
    public final void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    /**
     * Converts floating-point parameters and buffers to dtype, like PyTorch's {@code module.to(dtype)};
     * integer buffers (counters) keep theirs. Parameters become new tensors, so create optimizers after this.
     */
    public final Module to(DType dtype) {
        if (!dtype.isFloatingPoint())
            throw new IllegalArgumentException(getClass().getSimpleName() + ".to: dtype must be floating-point, got " + dtype);
        for (Module m : modules()) {
            m.parameters.replaceAll((k, p) -> p == null || p.dtype() == dtype ? p : converted(p, dtype).requiresGrad(p.requiresGrad()));
            m.buffers.replaceAll((k, b) -> b == null || !b.dtype().isFloatingPoint() ? b : converted(b, dtype));
        }
        return this;
    }

    private static Tensor converted(Tensor t, DType dtype) {
        try (var g = Nabla.noGrad()) {
            return t.to(dtype).contiguous().detach();
        }
    }

    // ------------------------------------------------------------------ state dict

    /** Parameters and persistent buffers by dotted name, in PyTorch's order (each module's own, then its children). */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saveTo("", out);
        return out;
    }

    private void saveTo(String prefix, Map<String, Tensor> out) {
        for (var e : parameters.entrySet()) if (e.getValue() != null) out.put(prefix + e.getKey(), e.getValue());
        for (var e : buffers.entrySet())
            if (e.getValue() != null && !nonPersistent.contains(e.getKey())) out.put(prefix + e.getKey(), e.getValue());
        for (var e : children.entrySet()) e.getValue().saveTo(prefix + e.getKey() + ".", out);
    }

    /** Keys the state dict lacked and keys this module does not have, as {@link #loadStateDict} found them. */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {}

    /**
     * Copies values into this module's parameters and buffers (in place, so optimizers keep their
     * references; values are cast to each tensor's dtype). Shape mismatches always fail; with strict,
     * missing and unexpected keys fail too, all reported in one exception.
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), mismatched = new ArrayList<>();
        for (String k : own.keySet()) if (!state.containsKey(k)) missing.add(k);
        for (var e : state.entrySet()) {
            Tensor target = own.get(e.getKey());
            if (target == null) unexpected.add(e.getKey());
            else if (!Arrays.equals(target.shape(), e.getValue().shape()))
                mismatched.add(e.getKey() + ": checkpoint has shape " + Arrays.toString(e.getValue().shape())
                        + ", this model has " + Arrays.toString(target.shape()));
        }
        if (!mismatched.isEmpty() || (strict && !(missing.isEmpty() && unexpected.isEmpty())))
            throw new IllegalArgumentException(loadError(missing, unexpected, mismatched, strict));
        try (var g = Nabla.noGrad()) {
            for (var e : state.entrySet()) {
                Tensor target = own.get(e.getKey());
                if (target != null) target.copy_(e.getValue());
            }
        }
        return new LoadResult(List.copyOf(missing), List.copyOf(unexpected));
    }

    private String loadError(List<String> missing, List<String> unexpected, List<String> mismatched, boolean strict) {
        StringBuilder sb = new StringBuilder("Error(s) in loading state dict for " + getClass().getSimpleName() + ":");
        if (strict && !missing.isEmpty()) sb.append("\n  Missing key(s): ").append(String.join(", ", missing));
        if (strict && !unexpected.isEmpty()) sb.append("\n  Unexpected key(s): ").append(String.join(", ", unexpected));
        for (String m : mismatched) sb.append("\n  Size mismatch for ").append(m);
        return sb.toString();
    }

    // ------------------------------------------------------------------ printing

    /** The text inside this module's parentheses, e.g. "in_features=4, out_features=8, bias=True". */
    protected String extraRepr() {
        return "";
    }

    /** A tree like PyTorch's {@code print(model)}. */
    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        if (children.isEmpty()) return name + "(" + extraRepr() + ")";
        StringBuilder sb = new StringBuilder(name).append("(");
        String extra = extraRepr();
        if (!extra.isEmpty()) sb.append("\n  ").append(extra);
        for (var e : children.entrySet())
            sb.append("\n  (").append(e.getKey()).append("): ").append(e.getValue().toString().replace("\n", "\n  "));
        return sb.append("\n)").toString();
    }

    /** Python's spelling of a boolean, for {@link #extraRepr()}. */
    protected static String py(boolean b) {
        return b ? "True" : "False";
    }

    /** Python's repr of a float: "0.1", "1e-05", "1.0". */
    protected static String py(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        if (exp >= -4 && exp < 16) {
            String plain = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** Python's spelling of a tuple of ints: "(3, 3)". */
    protected static String py(int... values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? ", " : "").append(values[i]);
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }
}
