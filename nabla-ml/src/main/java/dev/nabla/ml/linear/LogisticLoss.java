package dev.nabla.ml.linear;

import dev.nabla.cpu.Parallel;
import dev.nabla.ml.Matrix;
import dev.nabla.ml.optim.Lbfgs;
import java.util.Arrays;

/**
 * The L2-penalised logistic objective sklearn's lbfgs solver minimises:
 * Σ sw_i · loss_i + ||W||² / (2C), intercepts unpenalised. One output (sigmoid) for two classes,
 * k outputs (softmax, multinomial) otherwise. Parameters: W (outputs x d, row-major), then intercepts.
 *
 * <p>One evaluation is a single fused pass over the rows of X, straight on the row-major array. Rows are
 * cut into fixed blocks whose partial sums are spread over {@link Parallel} and added in block order, so
 * the result does not depend on the thread count. Binary blocks go through strips of {@link #STRIP} rows,
 * still in L1 from one step to the next: the strip's scores (X·w, four rows at a time), its loss terms and
 * d loss / d score, then its share of the gradient (Xᵀ·e, summed in vector registers over the strip).
 * Multinomial blocks take one row at a time. Nothing is allocated per evaluation.
 */
final class LogisticLoss implements Lbfgs.Objective {
    private static final int BLOCK = 2048;
    /**
     * Rows per binary strip. Short strips make many calls of two small vector kernels, which HotSpot
     * compiles within the first evaluations of a fit; with 64-row strips the kernels ran interpreted or in
     * C1 (where Vector API code is very slow) well into the first full-size fit after a small warm-up one.
     * The loss terms stay scalar for the same reason: a vector exp/log1p step cost more in that first fit
     * (its extra Vector API operations queued for the JIT) than it saved afterwards.
     */
    private static final int STRIP = 8;

    private final double[] x;
    private final int n, d, outputs, blocks;
    private final int[] codes;
    private final double[] sampleWeight;
    private final double c;
    private final boolean fitIntercept;
    private final double[] blockLoss;
    private final double[][] blockGrad; // per block: outputs * d weights, then outputs intercepts
    private final double[][] blockScratch; // per block: a strip's scores, then slopes (binary); outputs scores (multinomial)
    private final double[] paddedWeights; // binary: w, then zeros to whole vectors (RowDot.rowDots)

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
        this.blockScratch = new double[blocks][Math.max(outputs, STRIP)];
        int lanes = RowDot.lanes();
        this.paddedWeights = outputs == 1 ? new double[(d + lanes - 1) / lanes * lanes] : null;
    }

    int parameterCount() {
        return outputs * d + (fitIntercept ? outputs : 0);
    }

    @Override
    public double evaluate(double[] p, double[] grad) {
        if (outputs == 1) System.arraycopy(p, 0, paddedWeights, 0, d);
        Parallel.forRange(blocks, 1, (s, e) -> {
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
        double[] g = blockGrad[b], t = blockScratch[b];
        Arrays.fill(g, 0);
        double b0 = fitIntercept ? p[d] : 0, loss = 0, gb = 0;
        for (int s = r0; s < r1; s += STRIP) {
            int m = Math.min(STRIP, r1 - s);
            RowDot.rowDots(x, d, s, m, paddedWeights, b0, t);
            for (int k = 0; k < m; k++) {
                int i = s + k;
                double ti = t[k], sw = sampleWeight[i];
                // one exp for both the loss log(1 + e^(∓t)) and the sigmoid
                double a = Math.exp(-Math.abs(ti)), sig = (ti >= 0 ? 1 : a) / (1 + a);
                boolean positive = codes[i] == 1;
                loss += sw * (Math.max(positive ? -ti : ti, 0) + log1p(a));
                t[k] = sw * (positive ? sig - 1 : sig);
                gb += t[k];
            }
            RowDot.addTransposedTimes(x, d, s, m, t, g);
        }
        g[d] = gb;
        blockLoss[b] = loss;
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
}
