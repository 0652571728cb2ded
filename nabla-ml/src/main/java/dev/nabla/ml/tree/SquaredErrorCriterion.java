package dev.nabla.ml.tree;

/** Weighted variance (sklearn's squared_error): node impurity Σw·y²/W − mean². */
final class SquaredErrorCriterion extends SplitCriterion {
    private final double[] y;
    private double sumTotal, squaresTotal, sumLeft;

    SquaredErrorCriterion(double[] y, double[] weights) {
        super(weights);
        this.y = y;
    }

    @Override
    void init(int[] samples, int start, int end) {
        double w = 0, s = 0, sq = 0;
        for (int p = start; p < end; p++) {
            int i = samples[p];
            double wi = weight(i), yi = y[i];
            w += wi;
            s += wi * yi;
            sq += wi * yi * yi;
        }
        weightedTotal = w;
        sumTotal = s;
        squaresTotal = sq;
        reset();
    }

    @Override
    void reset() {
        sumLeft = 0;
        weightedLeft = 0;
    }

    @Override
    void moveLeft(int sample) {
        double w = weight(sample);
        sumLeft += w * y[sample];
        weightedLeft += w;
    }

    @Override
    double proxyImprovement() {
        double sumRight = sumTotal - sumLeft;
        return sumLeft * sumLeft / weightedLeft + sumRight * sumRight / (weightedTotal - weightedLeft);
    }

    @Override
    double nodeImpurity() {
        double mean = sumTotal / weightedTotal;
        return squaresTotal / weightedTotal - mean * mean;
    }

    @Override
    int outputs() {
        return 1;
    }

    @Override
    void nodeValue(double[] dest, int offset) {
        dest[offset] = sumTotal / weightedTotal;
    }
}
