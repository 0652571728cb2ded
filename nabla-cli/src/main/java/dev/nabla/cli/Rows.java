package dev.nabla.cli;

/**
 * Picks rows of row-major data in a given order: the demo's train/test split and minibatches.
 * Done on plain arrays because Tensor.indexSelect is not implemented yet in nabla-core.
 */
record Rows(float[] x, int[] y) {
    /** Rows order[from..to) of the data set's features and labels. */
    static Rows pick(BreastCancer data, long[] order, int from, int to) {
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) y[i - from] = data.labels()[(int) order[i]];
        return new Rows(gather(data.features(), data.featureCount(), order, from, to), y);
    }

    /** Rows order[from..to) of a row-major matrix with the given row width. */
    static float[] gather(float[] src, int width, long[] order, int from, int to) {
        float[] r = new float[(to - from) * width];
        for (int i = from; i < to; i++) System.arraycopy(src, (int) order[i] * width, r, (i - from) * width, width);
        return r;
    }
}
