package dev.nabla.ml.linear;

import dev.nabla.cpu.Parallel;
import dev.nabla.cpu.Simd;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.optim.Lbfgs;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The L2-penalised logistic objective sklearn's lbfgs solver minimises:
 * Σ sw_i · loss_i + ||W||² / (2C), intercepts unpenalised. One output (sigmoid) for two classes,
 * k outputs (softmax, multinomial) otherwise. Parameters: W (outputs x d, row-major), then intercepts.
 *
 * <p>One evaluation is a single fused pass over the rows of X, straight on the row-major array. Rows are
 * cut into fixed blocks whose partial sums are spread over {@link Parallel} and added in block order, so
 * the result does not depend on the thread count. Binary blocks go through strips of {@link #STRIP} rows,
 * still in L1 from one step to the next: the strip's scores (X·w), its loss terms and d loss / d score,
 * then its share of the gradient (Xᵀ·e, one load and store of the gradient per vector of columns for the
 * whole strip). Multinomial blocks take one row at a time. Nothing is allocated per evaluation.
 *
 * <p>A first full-size fit after a small warm-up one (as {@code nabla bench ml} times it) runs while
 * HotSpot is still compiling, and on two cores the compiler thread then takes much of a core from the
 * fit. So the vector code is one method called once per strip (compiled early, and once), and the loss
 * terms stay scalar (Math.exp, Math.log): a Vector API exp/log1p step made compiled evaluations faster
 * but, with its extra vector operations queued for the JIT, that first fit slower.
 */
final class LogisticLoss implements Lbfgs.Objective {
    private static final int BLOCK = 2048;
    /** Rows per binary strip: short strips make many calls, so the strip kernel is compiled within the first evaluations. */
    private static final int STRIP = 4;
    /**
     * Blocks per parallel piece: below 8192 rows an evaluation stays on one thread, which costs less than a
     * hand-off and, during a small warm-up fit, leaves a core to the JIT compiler.
     */
    private static final int GRAIN = 4;

    private final double[] x;
    private final int n, d, outputs, blocks;
    private final int[] codes;
    private final double[] sampleWeight;
    private final double c;
    private final boolean fitIntercept;
    private final double[] blockLoss;
    private final double[][] blockGrad; // per block: outputs * d weights, then outputs intercepts
    private final double[][] blockScratch; // per block: a strip's scores, then slopes, then lane sums (binary); outputs scores (multinomial)
    private final double[][] blockSums; // per block, binary: loss and intercept gradient so far
    private final double[] paddedWeights; // binary: w, then zeros to whole vectors (the strip kernel reads whole vectors)

    LogisticLoss(Matrix x, int[] codes, double[] sampleWeight, int outputs, double c, boolean fitIntercept) {
        this.x = x.data();
        this.n = x.rows();
        this.d = x.cols();
        this.outputs = outputs;
        this.codes = codes;
        this.sampleWeight = sampleWeight;
        this.c = c;
        this.fitIntercept = fitIntercept;
        this.blocks = Math.max(1, (n + BLOCK - 1) / BLOCK);
        this.blockLoss = new double[blocks];
        this.blockGrad = new double[blocks][outputs * (d + 1)];
        this.blockScratch = new double[blocks][Math.max(outputs, STRIP + STRIP * RowDot.lanes())];
        this.blockSums = new double[blocks][2];
        int lanes = RowDot.lanes();
        this.paddedWeights = outputs == 1 ? new double[(d + lanes - 1) / lanes * lanes] : null;
    }

    int parameterCount() {
        return outputs * d + (fitIntercept ? outputs : 0);
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
        if (outputs == 1) System.arraycopy(p, 0, paddedWeights, 0, d);
        Parallel.forRange(blocks, GRAIN, (s, e) -> {
            for (int b = s; b < e; b++) {
                if (outputs == 1) binaryBlock(b, p);
                else multinomialBlock(b, p);
            }
        });
        int wd = outputs * d;
        double loss = 0;
        Arrays.fill(grad, 0);
        for (int b = 0; b < blocks; b++) {
            loss += blockLoss[b];
            double[] g = blockGrad[b];
            for (int j = 0; j < wd; j++) grad[j] += g[j];
            if (fitIntercept) for (int k = 0; k < outputs; k++) grad[wd + k] += g[wd + k];
        }
        double penalty = 0;
        for (int j = 0; j < wd; j++) {
            penalty += p[j] * p[j];
            grad[j] += p[j] / c;
        }
        return loss + 0.5 / c * penalty;
    }

    private void binaryBlock(int b, double[] p) {
        int r0 = b * BLOCK, r1 = Math.min(n, r0 + BLOCK);
        double[] g = blockGrad[b], t = blockScratch[b], sums = blockSums[b];
        Arrays.fill(g, 0);
        sums[0] = sums[1] = 0;
        double b0 = fitIntercept ? p[d] : 0;
        int s = r0;
        for (; s + STRIP <= r1; s += STRIP) binaryStrip(s, b0, t, g, sums);
        for (; s < r1; s++) { // the last rows of X, fewer than a strip
            t[0] = b0 + RowDot.dot(x, s * d, p, 0, d);
            binaryTerms(s, 1, t, sums, codes, sampleWeight);
            RowDot.axpy(t[0], x, s * d, g, 0, d);
        }
        g[d] = sums[1];
        blockLoss[b] = sums[0];
    }

    /** Rows s..s+4: their scores, loss terms and slopes, and their share of the gradient. */
    private void binaryStrip(int s, double b0, double[] t, double[] g, double[] sums) {
        int o = s * d;
        if (Simd.AVAILABLE && RowDot.wholeVectors4(x, d, o, paddedWeights)) {
            Lanes.binaryStrip(x, d, o, paddedWeights, b0, t, g, s, codes, sampleWeight, sums);
            return;
        }
        RowDot.scalarRowDots4(x, d, o, paddedWeights, b0, t);
        binaryTerms(s, STRIP, t, sums, codes, sampleWeight);
        RowDot.scalarAddTransposedTimes4(x, d, o, t, g);
    }

    /**
     * For rows s..s+m with scores t: adds their loss terms to sums[0] and their slopes to sums[1], and
     * overwrites t with the slopes sw · (σ(t) − y), the weighted d loss / d score.
     */
    private static void binaryTerms(int s, int m, double[] t, double[] sums, int[] codes, double[] sampleWeight) {
        double loss = sums[0], slopes = sums[1];
        for (int k = 0; k < m; k++) {
            int i = s + k;
            double ti = t[k], sw = sampleWeight[i];
            // one exp for both the loss log(1 + e^(∓t)) and the sigmoid
            double a = Math.exp(-Math.abs(ti)), sig = (ti >= 0 ? 1 : a) / (1 + a);
            boolean positive = codes[i] == 1;
            loss += sw * (Math.max(positive ? -ti : ti, 0) + log1p(a));
            t[k] = sw * (positive ? sig - 1 : sig);
            slopes += t[k];
        }
        sums[0] = loss;
        sums[1] = slopes;
    }

    private void multinomialBlock(int b, double[] p) {
        int r0 = b * BLOCK, r1 = Math.min(n, r0 + BLOCK), k = outputs, wd = k * d;
        double[] g = blockGrad[b], z = blockScratch[b];
        Arrays.fill(g, 0);
        double loss = 0;
        for (int i = r0; i < r1; i++) {
            int off = i * d;
            for (int o = 0; o < k; o++) z[o] = (fitIntercept ? p[wd + o] : 0) + RowDot.dot(x, off, p, o * d, d);
            double lse = logSumExp(z, 0, k), sw = sampleWeight[i];
            int y = codes[i];
            loss += sw * (lse - z[y]);
            for (int o = 0; o < k; o++) {
                double e = sw * (Math.exp(z[o] - lse) - (o == y ? 1 : 0));
                RowDot.axpy(e, x, off, g, o * d, d);
                g[wd + o] += e;
            }
        }
        blockLoss[b] = loss;
    }

    /** X·Wᵀ + b, n x outputs row-major; params holds W (outputs x d) then the intercepts. */
    static double[] scores(Matrix m, double[] params, int outputs) {
        int n = m.rows(), d = m.cols();
        double[] xs = m.data(), z = new double[n * outputs];
        Parallel.forRange(n, 1024, (s, e) -> {
            for (int i = s; i < e; i++)
                for (int o = 0; o < outputs; o++) z[i * outputs + o] = params[outputs * d + o] + RowDot.dot(xs, i * d, params, o * d, d);
        });
        return z;
    }

    /** log(1 + a) for a in [0, 1], accurate to a few ulps through the intrinsic Math.log (Math.log1p is not one). */
    private static double log1p(double a) {
        double u = 1 + a;
        return u == 1 ? a : Math.log(u) - ((u - 1) - a) / u;
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    static double logSumExp(double[] z, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) max = Math.max(max, z[offset + j]);
        double s = 0;
        for (int j = 0; j < k; j++) s += Math.exp(z[offset + j] - max);
        return max + Math.log(s);
    }

    /**
     * Touches the Vector API; loaded only when {@link Simd#AVAILABLE}. One method does a whole strip, so the
     * JIT compiles its vector code once: split into kernels, the kernels were compiled on their own and then
     * again inlined into their caller, which kept the compiler busy well into the first full-size fit.
     */
    private static final class Lanes {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

        /**
         * Four rows from offset o (the first is row s): scores t[0..4) = b0 + X·w, four rows sharing each load
         * of w; their loss terms and slopes (binaryTerms); then g += Xᵀ·slopes with one load and store of g per
         * vector of columns for all four rows, the last partial vector's columns one at a time. t has room for
         * the four scores and then four vectors of lane sums. The caller checked that whole-vector reads of
         * w.length values per row stay inside x.
         */
        static void binaryStrip(double[] x, int d, int o, double[] w, double b0, double[] t, double[] g, int s,
                                int[] codes, double[] sampleWeight, double[] sums) {
            var a0 = DoubleVector.zero(S);
            var a1 = DoubleVector.zero(S);
            var a2 = DoubleVector.zero(S);
            var a3 = DoubleVector.zero(S);
            for (int c = 0; c < w.length; c += S.length()) {
                var wc = DoubleVector.fromArray(S, w, c);
                a0 = DoubleVector.fromArray(S, x, o + c).fma(wc, a0);
                a1 = DoubleVector.fromArray(S, x, o + d + c).fma(wc, a1);
                a2 = DoubleVector.fromArray(S, x, o + 2 * d + c).fma(wc, a2);
                a3 = DoubleVector.fromArray(S, x, o + 3 * d + c).fma(wc, a3);
            }
            // lane sums in a fixed order rather than reduceLanes (whose order may differ between the
            // interpreter and C2): fewer Vector API operations for the JIT to compile in a first fit
            int lanes = S.length();
            a0.intoArray(t, STRIP);
            a1.intoArray(t, STRIP + lanes);
            a2.intoArray(t, STRIP + 2 * lanes);
            a3.intoArray(t, STRIP + 3 * lanes);
            for (int k = 0; k < STRIP; k++) {
                double sum = 0;
                for (int l = STRIP + k * lanes, end = l + lanes; l < end; l++) sum += t[l];
                t[k] = b0 + sum;
            }
            binaryTerms(s, STRIP, t, sums, codes, sampleWeight);
            double e0 = t[0], e1 = t[1], e2 = t[2], e3 = t[3];
            var v0 = DoubleVector.broadcast(S, e0);
            var v1 = DoubleVector.broadcast(S, e1);
            var v2 = DoubleVector.broadcast(S, e2);
            var v3 = DoubleVector.broadcast(S, e3);
            int c = 0;
            for (; c + S.length() <= d; c += S.length()) {
                var gc = DoubleVector.fromArray(S, x, o + c).fma(v0, DoubleVector.fromArray(S, g, c));
                gc = DoubleVector.fromArray(S, x, o + d + c).fma(v1, gc);
                gc = DoubleVector.fromArray(S, x, o + 2 * d + c).fma(v2, gc);
                DoubleVector.fromArray(S, x, o + 3 * d + c).fma(v3, gc).intoArray(g, c);
            }
            for (; c < d; c++) g[c] += e0 * x[o + c] + e1 * x[o + d + c] + e2 * x[o + 2 * d + c] + e3 * x[o + 3 * d + c];
        }
    }
}
