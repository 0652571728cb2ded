package dev.nabla;

import dev.nabla.ops.Op;

/**
 * One recorded op on the tape: the op (which carries its parameters), the inputs it was applied to
 * and their storage versions at that moment. Every op has a single output, so a node and the tensor
 * it produced correspond one to one.
 */
public final class Node {
    final Op op;
    final Tensor[] inputs;
    private final int[] inputVersions;
    private final int outputVersion;
    private boolean freed;

    Node(Op op, Tensor[] inputs, Tensor output) {
        this.op = op;
        this.inputs = inputs;
        this.inputVersions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) inputVersions[i] = versionOf(inputs[i]);
        this.outputVersion = versionOf(output);
    }

    private static int versionOf(Tensor t) {
        Storage s = t.storageOrNull();
        return s == null ? 0 : s.version();
    }

    public Op op() {
        return op;
    }

    /** The name PyTorch users know from grad_fn, e.g. "MulBackward". */
    public String name() {
        String n = op.name();
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : n.toCharArray()) {
            if (c == '_') { up = true; continue; }
            b.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return b + "Backward";
    }

    boolean freed() {
        return freed;
    }

    void free() {
        freed = true;
    }

    /** Refuses to run backward when a tensor the rule reads was written in place after recording. */
    void checkVersions(Tensor output) {
        if (op.backwardUsesInputs()) {
            for (int i = 0; i < inputs.length; i++) {
                int now = versionOf(inputs[i]);
                if (now != inputVersions[i]) throw modified("input " + i, inputs[i], now, inputVersions[i]);
            }
        }
        if (op.backwardUsesOutput()) {
            int now = versionOf(output);
            if (now != outputVersion) throw modified("output", output, now, outputVersion);
        }
    }

    private IllegalStateException modified(String which, Tensor t, int now, int then) {
        return new IllegalStateException("backward of " + op.name() + ": its " + which + " " + Shapes.str(t.shape())
                + " was modified by an in-place operation after it was used (version " + now + ", expected " + then
                + "); use the out-of-place form or clone() before the in-place write");
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }
}
