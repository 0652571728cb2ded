package dev.nabla;

import dev.nabla.ops.Op;

/**
 * The vmap interpreter. A tracer at level L carries a batched value with the batch at dim 0; when an
 * op meets tracers of level L it hands their batched values to the op's batching rule, which returns
 * the batched result (batch at dim 0). Inputs of lower levels pass through untouched, so vmaps nest.
 */
public final class Batching {
    private Batching() {}

    static Tensor apply(Op op, Tensor[] inputs, int level) {
        Tensor[] physical = new Tensor[inputs.length];
        boolean[] batched = new boolean[inputs.length];
        int size = -1;
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t.batchLevel() == level) {
                physical[i] = t.batchValue();
                batched[i] = true;
                int b = physical[i].size(0);
                if (size >= 0 && b != size)
                    throw new IllegalArgumentException("vmap: " + op.name() + " got batch sizes " + size + " and " + b);
                size = b;
            } else {
                physical[i] = t;
            }
        }
        Tensor out = op.batch(physical, batched);
        return Tensor.tracer(level, out);
    }

    /** The fallback rule: runs the op once per example and stacks the results. Correct for any op. */
    public static Tensor loop(Op op, Tensor[] physical, boolean[] batched) {
        int size = batchSize(physical, batched);
        Tensor[] outs = new Tensor[size];
        Tensor[] args = new Tensor[physical.length];
        for (int b = 0; b < size; b++) {
            for (int i = 0; i < physical.length; i++) args[i] = batched[i] ? physical[i].select(0, b) : physical[i];
            outs[b] = Dispatch.call(op, args);
        }
        return Nabla.stack(outs, 0);
    }

    public static int batchSize(Tensor[] physical, boolean[] batched) {
        for (int i = 0; i < physical.length; i++) if (batched[i]) return physical[i].size(0);
        throw new IllegalStateException("vmap: no batched input");
    }

    /** Logical rank of input i (its physical rank without the batch dim). */
    public static int logicalRank(Tensor physical, boolean batched) {
        return physical.dim() - (batched ? 1 : 0);
    }

    /**
     * For ops that broadcast their operands (elementwise, matmul batch dims): gives every batched operand
     * the largest logical rank by inserting size-1 dims right after the batch dim, so that NumPy's
     * right-aligned broadcasting lines the example dims up and the batch dims stay in front.
     */
    public static Tensor[] alignForBroadcast(Tensor[] physical, boolean[] batched) {
        int rank = 0;
        for (int i = 0; i < physical.length; i++) rank = Math.max(rank, logicalRank(physical[i], batched[i]));
        Tensor[] out = physical.clone();
        for (int i = 0; i < physical.length; i++) {
            if (!batched[i]) continue;
            int r = logicalRank(physical[i], true);
            if (r == rank) continue;
            int[] s = physical[i].shape();
            int[] ns = new int[rank + 1];
            java.util.Arrays.fill(ns, 1);
            ns[0] = s[0];
            System.arraycopy(s, 1, ns, 1 + rank - r, r);
            out[i] = physical[i].reshape(ns);
        }
        return out;
    }

    /** Moves the batch dim of an unbatched-at-0 value: used by vmap's inDims/outDims. */
    static Tensor toFront(Tensor t, int dim) {
        return dim == 0 ? t : t.movedim(dim, 0);
    }
}
