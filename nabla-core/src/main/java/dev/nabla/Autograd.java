package dev.nabla;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse-mode engine: walks the tape from the outputs in reverse topological order and calls
 * each op's backward rule. Rules are built from ops, so with createGraph the backward pass is itself
 * recorded and can be differentiated again.
 */
public final class Autograd {
    private static final Tensor[] NO_INPUTS = new Tensor[0];

    private Autograd() {}

    static void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph) {
        run(new Tensor[] {root}, new Tensor[] {gradient}, retainGraph, createGraph, null, false);
    }

    /**
     * Gradients of outputs with respect to inputs, without touching any {@code .grad}. gradOutputs may be
     * null (all outputs must then be scalars); an input the outputs do not depend on gets null, or an
     * error unless allowUnused.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean retainGraph,
                                boolean createGraph, boolean allowUnused) {
        for (Tensor in : inputs)
            if (!in.requiresGrad) throw new IllegalArgumentException("grad: one of the inputs " + Shapes.str(in.shape()) + " does not require grad");
        Tensor[] g = run(outputs, gradOutputs == null ? new Tensor[outputs.length] : gradOutputs, retainGraph, createGraph, inputs, true);
        if (!allowUnused)
            for (int i = 0; i < g.length; i++)
                if (g[i] == null)
                    throw new IllegalArgumentException("grad: input " + i + " " + Shapes.str(inputs[i].shape())
                            + " was not used to compute the outputs (pass allowUnused=true to get null)");
        return g;
    }

    public static Tensor grad(Tensor output, Tensor input) {
        return grad(new Tensor[] {output}, new Tensor[] {input}, null, false, false, false)[0];
    }

    private static Tensor[] run(Tensor[] roots, Tensor[] rootGrads, boolean retain, boolean create, Tensor[] capture, boolean captureOnly) {
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        for (int i = 0; i < roots.length; i++) {
            Tensor r = roots[i];
            if (!r.requiresGrad)
                throw new IllegalStateException("backward: tensor " + Shapes.str(r.shape()) + " does not require grad and has no grad_fn");
            Tensor g = rootGrads[i];
            if (g == null) {
                if (r.numel() != 1)
                    throw new IllegalArgumentException("backward: gradient can be implied only for scalar outputs, got shape "
                            + Shapes.str(r.shape()) + "; pass a gradient of that shape");
                g = Nabla.onesLike(r);
            } else if (!Arrays.equals(g.shape(), r.shape())) {
                throw new IllegalArgumentException("backward: gradient shape " + Shapes.str(g.shape()) + " does not match output shape " + Shapes.str(r.shape()));
            }
            accumulate(grads, r, g);
        }
        Map<Tensor, Integer> captureIndex = new IdentityHashMap<>();
        if (capture != null) for (int i = 0; i < capture.length; i++) captureIndex.put(capture[i], i);
        Tensor[] captured = capture == null ? null : new Tensor[capture.length];

        try (GradMode.Scope ignored = GradMode.set(create)) {
            for (Tensor t : reverseTopological(roots)) {
                Tensor g = grads.remove(t);
                if (g == null) continue;
                if (t.hooks != null)
                    for (var hook : t.hooks) {
                        Tensor h = hook.apply(g);
                        if (h != null) g = h;
                    }
                Integer ci = captureIndex.get(t);
                if (ci != null) captured[ci] = g;
                Node node = t.gradFn;
                if (node == null) {
                    if (!captureOnly) t.grad = t.grad == null ? (create ? g : g.detach()) : t.grad.add(g);
                    continue;
                }
                if (t.retainsGrad && !captureOnly) t.grad = t.grad == null ? g : t.grad.add(g);
                if (node.freed())
                    throw new IllegalStateException("backward: the graph through " + node.name() + " was already freed by an earlier backward; "
                            + "pass retainGraph=true to the first backward to go through it twice");
                node.checkVersions(t);
                Tensor[] in = node.inputs;
                boolean[] needs = new boolean[in.length];
                for (int i = 0; i < in.length; i++) needs[i] = in[i].requiresGrad;
                Tensor[] gin = node.op.backward(in, t, g, needs);
                for (int i = 0; i < in.length; i++) {
                    if (!needs[i] || gin[i] == null) continue;
                    if (!Arrays.equals(gin[i].shape(), in[i].shape()))
                        throw new IllegalStateException("backward of " + node.op.name() + " produced a gradient of shape " + Shapes.str(gin[i].shape())
                                + " for input " + i + " of shape " + Shapes.str(in[i].shape()));
                    accumulate(grads, in[i], gin[i]);
                }
                if (!retain) node.free();
            }
        }
        return captured;
    }

    private static void accumulate(Map<Tensor, Tensor> grads, Tensor t, Tensor g) {
        if (g.dtype() != t.dtype()) g = g.to(t.dtype());
        grads.merge(t, g, Tensor::add);
    }

    /** Tensors reachable from the roots through requires-grad edges, outputs before their inputs. */
    private static List<Tensor> reverseTopological(Tensor[] roots) {
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        List<Tensor> post = new ArrayList<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        for (Tensor r : roots) {
            if (visited.containsKey(r)) continue;
            visited.put(r, true);
            stack.push(new Object[] {r, 0});
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                Tensor t = (Tensor) frame[0];
                int next = (Integer) frame[1];
                Tensor[] in = t.gradFn == null ? NO_INPUTS : t.gradFn.inputs;
                if (next < in.length) {
                    frame[1] = next + 1;
                    Tensor c = in[next];
                    if (c.requiresGrad && !visited.containsKey(c)) {
                        visited.put(c, true);
                        stack.push(new Object[] {c, 0});
                    }
                } else {
                    stack.pop();
                    post.add(t);
                }
            }
        }
        java.util.Collections.reverse(post);
        return post;
    }
}
