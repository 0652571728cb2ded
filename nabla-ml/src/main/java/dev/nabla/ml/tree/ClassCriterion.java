package dev.nabla.ml.tree;

import java.util.Arrays;

/** Gini or entropy (base 2, as sklearn) over weighted class counts. */
final class ClassCriterion extends SplitCriterion {
    private final int[] codes;
    private final boolean entropy;
    private final double[] total, left;
    // Σ count², kept for both sides so a Gini proxy is O(1) per sample moved
    private double squaresLeft, squaresRight;

    ClassCriterion(int[] codes, int nClasses, double[] weights, boolean entropy) {
        super(weights);
        this.codes = codes;
        this.entropy = entropy;
        this.total = new double[nClasses];
        this.left = new double[nClasses];
    }

    @Override
    void init(int[] samples, int start, int end) {
        Arrays.fill(total, 0);
        double w = 0;
        for (int p = start; p < end; p++) {
            int s = samples[p];
            double ws = weight(s);
            total[codes[s]] += ws;
            w += ws;
        }
        weightedTotal = w;
        reset();
    }

    @Override
    void reset() {
        Arrays.fill(left, 0);
        weightedLeft = 0;
        squaresLeft = 0;
        double sq = 0;
        for (double c : total) sq += c * c;
        squaresRight = sq;
    }

    @Override
    void moveLeft(int sample) {
        int k = codes[sample];
        double w = weight(sample), l = left[k], r = total[k] - l;
        squaresLeft += w * (2 * l + w);
        squaresRight += w * (w - 2 * r);
        left[k] = l + w;
        weightedLeft += w;
    }

    @Override
    double proxyImprovement() {
        double wl = weightedLeft, wr = weightedTotal - weightedLeft;
        if (!entropy) return squaresLeft / wl + squaresRight / wr;
        double sum = 0;
        for (int k = 0; k < total.length; k++) {
            double l = left[k], r = total[k] - l;
            if (l > 0) sum += l * log2(l / wl);
            if (r > 0) sum += r * log2(r / wr);
        }
        return sum;
    }

    @Override
    double nodeImpurity() {
        double w = weightedTotal, impurity = entropy ? 0 : 1;
        for (double c : total) {
            if (c <= 0) continue;
            double p = c / w;
            impurity -= entropy ? p * log2(p) : p * p;
        }
        return impurity;
    }

    @Override
    int outputs() {
        return total.length;
    }

    @Override
    void nodeValue(double[] dest, int offset) {
        System.arraycopy(total, 0, dest, offset, total.length);
    }

    private static double log2(double x) {
        return Math.log(x) * 1.4426950408889634;
    }
}
