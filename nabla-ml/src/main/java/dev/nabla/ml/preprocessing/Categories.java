package dev.nabla.ml.preprocessing;

import dev.nabla.ml.Matrix;
import java.util.Arrays;

/** The sorted distinct values of each column, learned by the encoders. */
record Categories(double[][] perColumn) {
    static Categories fit(Matrix x) {
        double[][] cats = new double[x.cols()][];
        for (int j = 0; j < x.cols(); j++) cats[j] = Arrays.stream(x.column(j)).sorted().distinct().toArray();
        return new Categories(cats);
    }

    int columns() {
        return perColumn.length;
    }

    /** The code of value in column j, or -1 when it was not seen in fit. */
    int code(int j, double value) {
        int k = Arrays.binarySearch(perColumn[j], value);
        return k < 0 ? -1 : k;
    }

    IllegalArgumentException unknown(String owner, int j, double value, String remedy) {
        return new IllegalArgumentException(owner + ": found unknown category " + value + " in column " + j
                + " during transform; known categories: " + Arrays.toString(perColumn[j]) + "; " + remedy);
    }
}
