package dev.nabla.ml;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * A dense row-major float64 matrix: the working form estimators compute on. Inputs arrive as Tensors
 * of either float dtype and are copied once into this form by {@link Validation}.
 */
public record Matrix(double[] data, int rows, int cols) {
    public Matrix {
        if (data.length != (long) rows * cols) throw new IllegalArgumentException("Matrix: " + data.length + " values for " + rows + " x " + cols);
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(new double[rows * cols], rows, cols);
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    public double[] column(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) c[i] = data[i * cols + j];
        return c;
    }

    /** The rows at these indices, in that order. */
    public Matrix rows(int[] index) {
        double[] out = new double[index.length * cols];
        for (int r = 0; r < index.length; r++) System.arraycopy(data, index[r] * cols, out, r * cols, cols);
        return new Matrix(out, index.length, cols);
    }

    public Tensor toTensor(DType dtype) {
        return Nabla.tensor(data, rows, cols).to(dtype);
    }

    /** this (rows x cols) times other^T (other.rows x cols): one row of output per sample, through Tensor.matmul. */
    public Matrix timesTransposed(Matrix other) {
        Tensor product = Nabla.tensor(data, rows, cols).matmul(Nabla.tensor(other.data, other.rows, other.cols).t());
        return new Matrix(product.toDoubleArray(), rows, other.rows);
    }
}
