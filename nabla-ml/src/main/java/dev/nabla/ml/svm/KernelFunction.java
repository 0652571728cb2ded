package dev.nabla.ml.svm;

import dev.nabla.ml.Matrix;

/** A kernel with its resolved coefficients; evaluates single pairs and whole blocks (through GEMM). */
record KernelFunction(Kernel kernel, double gamma, int degree, double coef0) {
    double value(double dot, double sqNormA, double sqNormB) {
        return kernel.value(dot, sqNormA, sqNormB, gamma, degree, coef0);
    }

    /** K(a_i, b_j) for all rows of a and b: a·bᵀ by matrix product, then the kernel elementwise. */
    Matrix cross(Matrix a, Matrix b) {
        Matrix k = a.timesTransposed(b);
        double[] na = squaredNorms(a), nb = squaredNorms(b), v = k.data();
        int cols = b.rows();
        for (int i = 0; i < a.rows(); i++)
            for (int j = 0; j < cols; j++) v[i * cols + j] = value(v[i * cols + j], na[i], nb[j]);
        return k;
    }

    static double[] squaredNorms(Matrix m) {
        double[] out = new double[m.rows()];
        double[] d = m.data();
        for (int i = 0; i < m.rows(); i++) {
            double s = 0;
            for (int j = 0, o = i * m.cols(); j < m.cols(); j++) s += d[o + j] * d[o + j];
            out[i] = s;
        }
        return out;
    }
}
