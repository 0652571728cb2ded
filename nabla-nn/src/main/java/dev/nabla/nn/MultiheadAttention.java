package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Functional;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;

/**
 * Multi-head scaled dot-product attention (PyTorch's nn.MultiheadAttention): softmax(q k^T / sqrt(d) + mask) v
 * per head, heads concatenated and projected by {@code out_proj}. Parameters are packed as in PyTorch
 * ({@code in_proj_weight} [3E, E], {@code in_proj_bias}, {@code out_proj.weight}, {@code out_proj.bias}),
 * so queries, keys and values all have embedDim features.
 */
public final class MultiheadAttention extends Module {
    /** attnOutput as the query's layout; attnWeights [N, L, S] (averaged) or [N, heads, L, S], null when not asked for. */
    public record Output(Tensor output, Tensor weights) {}

    private final int embedDim, numHeads;
    private final double dropout;
    private final boolean batchFirst;
    private final Generator generator;
    private final Linear outProj;

    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, 0, true, false, Nabla.defaultGenerator());
    }

    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst) {
        this(embedDim, numHeads, dropout, bias, batchFirst, Nabla.defaultGenerator());
    }

    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst, Generator generator) {
        if (numHeads <= 0 || embedDim % numHeads != 0)
            throw new IllegalArgumentException("MultiheadAttention: embedDim " + embedDim + " must be divisible by numHeads " + numHeads);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("MultiheadAttention: dropout must be in [0, 1), got " + dropout);
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.dropout = dropout;
        this.batchFirst = batchFirst;
        this.generator = generator;
        Init.xavierUniform_(registerParameter("in_proj_weight", Nabla.zeros(3 * embedDim, embedDim)), 1, generator);
        registerParameter("in_proj_bias", bias ? Nabla.zeros(3 * embedDim) : null);
        this.outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias, generator));
        if (bias) Init.zeros_(outProj.bias());
    }

    public boolean batchFirst() { return batchFirst; }

    /** Self- or cross-attention with no masks, returning head-averaged weights. */
    public Output forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null, true);
    }

    /**
     * query [L, N, E] and key/value [S, N, E] ([N, L, E] batch-first; [L, E] unbatched).
     *
     * @param keyPaddingMask [N, S]: true (bool) marks keys to ignore; a float mask is added to the scores. May be null.
     * @param attnMask [L, S] or [N * heads, L, S]: true (bool) forbids attending; a float mask is added. May be null.
     * @param averageAttnWeights average the returned weights over heads
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask,
                          boolean averageAttnWeights) {
        boolean batched = query.dim() == 3;
        checkInputs(query, key, value, batched);
        Tensor q = query, k = key, v = value;
        if (!batched) {
            q = q.unsqueeze(1);
            k = k.unsqueeze(1);
            v = v.unsqueeze(1);
        } else if (batchFirst) {
            q = q.transpose(0, 1);
            k = k.transpose(0, 1);
            v = v.transpose(0, 1);
        }
        int tgtLen = q.size(0), batch = q.size(1), srcLen = k.size(0), headDim = embedDim / numHeads;
        Tensor[] w = param("in_proj_weight").chunk(3, 0);
        Tensor[] b = param("in_proj_bias") == null ? new Tensor[3] : param("in_proj_bias").chunk(3, 0);
        Tensor qh = heads(Functional.linear(q, w[0], b[0]), tgtLen, batch, headDim);
        Tensor kh = heads(Functional.linear(k, w[1], b[1]), srcLen, batch, headDim);
        Tensor vh = heads(Functional.linear(v, w[2], b[2]), srcLen, batch, headDim);

        // q is scaled before the product, as PyTorch does, so rounding matches too.
        Tensor scores = qh.div(Math.sqrt(headDim)).matmul(kh.mT()); // [N, H, L, S]
        if (attnMask != null) scores = applyMask(scores, attnMaskAs4d(attnMask, batched, batch, tgtLen, srcLen));
        if (keyPaddingMask != null) scores = applyMask(scores, paddingMaskAs4d(keyPaddingMask, batched, batch, srcLen));
        Tensor attn = Functional.dropout(scores.softmax(-1), dropout, isTraining(), generator);
        Tensor context = attn.matmul(vh).permute(2, 0, 1, 3).reshape(tgtLen, batch, embedDim);
        Tensor out = outProj.forward(context);

        Tensor weights = null;
        if (needWeights) weights = averageAttnWeights ? attn.mean(1, false) : attn;
        if (!batched) {
            out = out.squeeze(1);
            if (weights != null) weights = weights.squeeze(0);
        } else if (batchFirst) {
            out = out.transpose(0, 1);
        }
        return new Output(out, weights);
    }

    /** [T, N, E] to [N, heads, T, headDim]. */
    private Tensor heads(Tensor x, int len, int batch, int headDim) {
        return x.reshape(len, batch, numHeads, headDim).permute(1, 2, 0, 3);
    }

    private static Tensor applyMask(Tensor scores, Tensor mask) {
        if (mask.dtype() == DType.BOOL) return scores.maskedFill(mask, Double.NEGATIVE_INFINITY);
        if (!mask.dtype().isFloatingPoint())
            throw new IllegalArgumentException("MultiheadAttention: masks must be bool or floating-point, got " + mask.dtype());
        return scores.add(mask.to(scores.dtype()));
    }

    private Tensor attnMaskAs4d(Tensor mask, boolean batched, int batch, int tgtLen, int srcLen) {
        if (mask.dim() == 2 && mask.size(0) == tgtLen && mask.size(1) == srcLen) return mask;
        int n = batched ? batch : 1;
        if (mask.dim() == 3 && mask.size(0) == n * numHeads && mask.size(1) == tgtLen && mask.size(2) == srcLen)
            return mask.reshape(n, numHeads, tgtLen, srcLen);
        throw new IllegalArgumentException("MultiheadAttention: attnMask must have shape " + Arrays.toString(new int[] {tgtLen, srcLen})
                + " or " + Arrays.toString(new int[] {n * numHeads, tgtLen, srcLen}) + ", got " + Arrays.toString(mask.shape()));
    }

    private static Tensor paddingMaskAs4d(Tensor mask, boolean batched, int batch, int srcLen) {
        int[] expected = batched ? new int[] {batch, srcLen} : new int[] {srcLen};
        if (!Arrays.equals(mask.shape(), expected))
            throw new IllegalArgumentException("MultiheadAttention: keyPaddingMask must have shape " + Arrays.toString(expected)
                    + " (batch, source length), got " + Arrays.toString(mask.shape()));
        return mask.reshape(batched ? batch : 1, 1, 1, srcLen);
    }

    private void checkInputs(Tensor query, Tensor key, Tensor value, boolean batched) {
        int rank = batched ? 3 : 2;
        boolean ok = query.dim() == rank && key.dim() == rank && value.dim() == rank
                && query.size(-1) == embedDim && key.size(-1) == embedDim && value.size(-1) == embedDim
                && Arrays.equals(key.shape(), value.shape())
                && (!batched || query.size(batchFirst ? 0 : 1) == key.size(batchFirst ? 0 : 1));
        if (!ok)
            throw new IllegalArgumentException("MultiheadAttention(embed_dim=" + embedDim + ", num_heads=" + numHeads + "): expected query "
                    + (batchFirst ? "[N, L, E]" : "[L, N, E]") + " and key/value " + (batchFirst ? "[N, S, E]" : "[S, N, E]")
                    + " with E=" + embedDim + " (or unbatched [L, E], [S, E]), got " + Arrays.toString(query.shape()) + ", "
                    + Arrays.toString(key.shape()) + ", " + Arrays.toString(value.shape()));
    }
}
