package dev.nabla;

/**
 * grad, vjp, jvp and vmap on plain Java functions, built on the tape and the batching interpreter.
 * Nested use works: an input that already takes part in an outer gradient is aliased through a
 * recorded op instead of detached, and the inner pass then builds a graph the outer one can differentiate.
 */
final class Transforms {
    /** The active vmaps of this thread, innermost first: {level, batch size}. */
    private static final ThreadLocal<java.util.ArrayDeque<int[]>> VMAPS = ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private Transforms() {}

    /**
     * Fresh differentiable stand-ins for the chosen arguments; returns whether any was already on a tape.
     * Inside vmap an argument shared by all examples is first lifted to the innermost batch level, so the
     * tape is recorded per example and the gradient comes out per example (as in JAX).
     */
    private static boolean track(Tensor[] args, int[] which, Tensor[] out) {
        boolean nested = false;
        int[] vmap = VMAPS.get().peek();
        for (int i : which) {
            Tensor x = args[i];
            if (vmap != null && x.batchLevel() != vmap[0])
                x = Tensor.tracer(vmap[0], x.unsqueeze(0).expand(Shapes.insert(x.shape(), 0, vmap[1])));
            if (!x.dtype().isFloatingPoint())
                throw new IllegalArgumentException("grad: argument " + i + " has dtype " + x.dtype() + "; gradients need a floating-point tensor");
            if (x.requiresGrad()) {
                nested = true;
                out[i] = x.reshape(x.shape());
            } else {
                out[i] = x.detach().requiresGrad(true);
            }
        }
        return nested;
    }

    private static int[] argnums(int[] argnums, int n) {
        if (argnums.length > 0) {
            for (int a : argnums) if (a < 0 || a >= n) throw new IllegalArgumentException("grad: argnum " + a + " out of range for " + n + " arguments");
            return argnums;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return all;
    }

    private static Tensor[] pick(Tensor[] xs, int[] which) {
        Tensor[] r = new Tensor[which.length];
        for (int i = 0; i < which.length; i++) r[i] = xs[which[i]];
        return r;
    }

    private static Tensor[] zerosForUnused(Tensor[] grads, Tensor[] like) {
        for (int i = 0; i < grads.length; i++) if (grads[i] == null) grads[i] = Nabla.zerosLike(like[i]);
        return grads;
    }

    static Nabla.ValueAndGrad valueAndGrad(TensorFn f, int[] argnums, Tensor[] args) {
        int[] which = argnums(argnums, args.length);
        Tensor[] ins = args.clone();
        try (GradMode.Scope ignored = GradMode.set(true)) {
            boolean nested = track(args, which, ins);
            Tensor y = f.apply(ins);
            if (y.numel() != 1)
                throw new IllegalArgumentException("grad: the function must return a scalar, got shape " + Shapes.str(y.shape()) + " (use vjp or jacobian)");
            Tensor[] sel = pick(ins, which);
            if (!y.requiresGrad()) return new Nabla.ValueAndGrad(y, zerosForUnused(new Tensor[sel.length], sel));
            Tensor[] g = Autograd.grad(new Tensor[] {y}, sel, null, nested, nested, true);
            return new Nabla.ValueAndGrad(nested ? y : y.detach(), zerosForUnused(g, sel));
        }
    }

    static Nabla.Vjp vjp(TensorFn f, Tensor[] primals) {
        int[] which = argnums(new int[0], primals.length);
        Tensor[] ins = primals.clone();
        Tensor y;
        boolean nested;
        try (GradMode.Scope ignored = GradMode.set(true)) {
            nested = track(primals, which, ins);
            y = f.apply(ins);
        }
        boolean create = nested;
        Tensor out = y;
        MultiTensorFn pullback = cts -> {
            if (cts.length != 1) throw new IllegalArgumentException("vjp: expected one cotangent, got " + cts.length);
            if (!out.requiresGrad()) return zerosForUnused(new Tensor[ins.length], ins);
            try (GradMode.Scope ignored = GradMode.set(true)) {
                boolean createGraph = create || cts[0].requiresGrad();
                return zerosForUnused(Autograd.grad(new Tensor[] {out}, ins, cts, true, createGraph, true), ins);
            }
        };
        return new Nabla.Vjp(nested ? y : y.detach(), pullback);
    }

    static Nabla.Jvp jvp(TensorFn f, Tensor[] primals, Tensor[] tangents) {
        if (primals.length != tangents.length)
            throw new IllegalArgumentException("jvp: " + primals.length + " primals but " + tangents.length + " tangents");
        for (int i = 0; i < primals.length; i++)
            if (!java.util.Arrays.equals(primals[i].shape(), tangents[i].shape()))
                throw new IllegalArgumentException("jvp: tangent " + i + " has shape " + Shapes.str(tangents[i].shape())
                        + ", primal has " + Shapes.str(primals[i].shape()));
        int[] which = argnums(new int[0], primals.length);
        Tensor[] ins = primals.clone();
        try (GradMode.Scope ignored = GradMode.set(true)) {
            boolean nested = track(primals, which, ins);
            Tensor y = f.apply(ins);
            if (!y.requiresGrad()) return new Nabla.Jvp(y, Nabla.zerosLike(y));
            // J^T u is linear in u; differentiating <J^T u, v> with respect to u gives J v.
            Tensor u = Nabla.zerosLike(y).requiresGrad(true);
            Tensor[] g = Autograd.grad(new Tensor[] {y}, ins, new Tensor[] {u}, true, true, true);
            Tensor s = null;
            for (int i = 0; i < g.length; i++) {
                if (g[i] == null) continue;
                Tensor term = g[i].mul(tangents[i].to(g[i].dtype())).sum();
                s = s == null ? term : s.add(term);
            }
            Tensor jv = s == null || !s.requiresGrad() ? null
                    : Autograd.grad(new Tensor[] {s}, new Tensor[] {u}, null, nested, nested, true)[0];
            return new Nabla.Jvp(nested ? y : y.detach(), jv == null ? Nabla.zerosLike(y) : jv);
        }
    }

    static MultiTensorFn vmap(MultiTensorFn f, int[] inDims, int[] outDims) {
        return args -> {
            int[] ins = broadcastDims("inDims", inDims, args.length);
            java.util.ArrayDeque<int[]> vmaps = VMAPS.get();
            int level = vmaps.isEmpty() ? 1 : vmaps.peek()[0] + 1;
            int[] frame = {level, -1};
            try {
                Tensor[] wrapped = new Tensor[args.length];
                int size = -1;
                for (int i = 0; i < args.length; i++) {
                    if (ins[i] == Nabla.UNBATCHED) {
                        wrapped[i] = args[i];
                        continue;
                    }
                    int d = Shapes.dim("vmap", ins[i], args[i].dim());
                    Tensor p = Batching.toFront(args[i], d);
                    if (size >= 0 && p.size(0) != size)
                        throw new IllegalArgumentException("vmap: argument " + i + " has batch size " + p.size(0) + ", earlier ones " + size);
                    size = p.size(0);
                    wrapped[i] = Tensor.tracer(level, p);
                }
                if (size < 0) throw new IllegalArgumentException("vmap: at least one argument must be batched");
                frame[1] = size;
                vmaps.push(frame);
                Tensor[] outs = f.apply(wrapped);
                int[] od = broadcastDims("outDims", outDims, outs.length);
                Tensor[] result = new Tensor[outs.length];
                for (int j = 0; j < outs.length; j++) {
                    Tensor o = outs[j];
                    Tensor p;
                    if (o.batchLevel() == level) {
                        p = o.batchValue();
                    } else {
                        int[] s = Shapes.insert(o.shape(), 0, size);
                        p = o.unsqueeze(0).expand(s);
                    }
                    result[j] = p.movedim(0, Shapes.dim("vmap", od[j], p.dim()));
                }
                return result;
            } finally {
                vmaps.remove(frame);
            }
        };
    }

    private static int[] broadcastDims(String what, int[] dims, int n) {
        if (dims.length == n) return dims;
        if (dims.length == 1) {
            int[] r = new int[n];
            java.util.Arrays.fill(r, dims[0]);
            return r;
        }
        throw new IllegalArgumentException("vmap: " + what + " has " + dims.length + " entries for " + n + " values");
    }
}
