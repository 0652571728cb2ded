package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * PyTorch's {@code torch.nn.init}: fills a tensor in place (outside autograd) and returns it. Every
 * random initialiser takes a {@link Generator}; the overloads without one use {@link Nabla#defaultGenerator()}.
 */
public final class Init {
    private Init() {}

    /** Which fan the kaiming initialisers preserve: the forward pass's variance (FAN_IN) or the backward's. */
    public enum FanMode { FAN_IN, FAN_OUT }

    // ------------------------------------------------------------------ constants

    public static Tensor constant_(Tensor t, double value) {
        try (var g = Nabla.noGrad()) {
            return t.fill_(value);
        }
    }

    public static Tensor zeros_(Tensor t) { return constant_(t, 0); }

    public static Tensor ones_(Tensor t) { return constant_(t, 1); }

    // ------------------------------------------------------------------ plain distributions

    /** Uniform on [a, b). */
    public static Tensor uniform_(Tensor t, double a, double b, Generator gen) {
        if (!(a <= b)) throw new IllegalArgumentException("uniform_: lower bound " + a + " is above upper bound " + b);
        return fill(t, () -> a + (b - a) * gen.nextDouble());
    }

    public static Tensor uniform_(Tensor t, double a, double b) { return uniform_(t, a, b, Nabla.defaultGenerator()); }

    public static Tensor normal_(Tensor t, double mean, double std, Generator gen) {
        if (!(std >= 0)) throw new IllegalArgumentException("normal_: std must be non-negative, got " + std);
        return fill(t, () -> mean + std * gen.nextGaussian());
    }

    public static Tensor normal_(Tensor t, double mean, double std) { return normal_(t, mean, std, Nabla.defaultGenerator()); }

    private static Tensor fill(Tensor t, DoubleSupplier draw) {
        Tensor values = Nabla.zeros(DType.FLOAT64, t.shape());
        double[] v = values.storage().doubles();
        for (int i = 0; i < v.length; i++) v[i] = draw.getAsDouble();
        try (var g = Nabla.noGrad()) {
            return t.copy_(values);
        }
    }

    // ------------------------------------------------------------------ scaled initialisers

    /** The recommended gain for a nonlinearity (PyTorch's calculate_gain); param is leaky_relu's slope. */
    public static double calculateGain(String nonlinearity, double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid" -> 1;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2);
            case "leaky_relu" -> Math.sqrt(2 / (1 + param * param));
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("calculateGain: unsupported nonlinearity '" + nonlinearity + "'");
        };
    }

    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /** {fan_in, fan_out}: dim 1 and dim 0 times the receptive field (the product of dims 2..). */
    public static int[] fans(Tensor t) {
        if (t.dim() < 2)
            throw new IllegalArgumentException("fan in and fan out need a tensor with at least 2 dims, got shape " + Arrays.toString(t.shape()));
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) receptive *= t.size(d);
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    public static Tensor xavierUniform_(Tensor t, double gain, Generator gen) {
        int[] f = fans(t);
        double bound = Math.sqrt(3) * gain * Math.sqrt(2.0 / (f[0] + f[1]));
        return uniform_(t, -bound, bound, gen);
    }

    public static Tensor xavierUniform_(Tensor t) { return xavierUniform_(t, 1, Nabla.defaultGenerator()); }

    public static Tensor xavierNormal_(Tensor t, double gain, Generator gen) {
        int[] f = fans(t);
        return normal_(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), gen);
    }

    public static Tensor xavierNormal_(Tensor t) { return xavierNormal_(t, 1, Nabla.defaultGenerator()); }

    /** He initialisation; a is the negative slope for "leaky_relu". */
    public static Tensor kaimingUniform_(Tensor t, double a, FanMode mode, String nonlinearity, Generator gen) {
        double bound = Math.sqrt(3) * calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        return uniform_(t, -bound, bound, gen);
    }

    public static Tensor kaimingUniform_(Tensor t) { return kaimingUniform_(t, 0, FanMode.FAN_IN, "leaky_relu", Nabla.defaultGenerator()); }

    public static Tensor kaimingNormal_(Tensor t, double a, FanMode mode, String nonlinearity, Generator gen) {
        return normal_(t, 0, calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode)), gen);
    }

    public static Tensor kaimingNormal_(Tensor t) { return kaimingNormal_(t, 0, FanMode.FAN_IN, "leaky_relu", Nabla.defaultGenerator()); }

    private static int fan(Tensor t, FanMode mode) {
        int[] f = fans(t);
        int fan = mode == FanMode.FAN_IN ? f[0] : f[1];
        if (fan == 0) throw new IllegalArgumentException("kaiming init: tensor of shape " + Arrays.toString(t.shape()) + " has a zero fan");
        return fan;
    }

    /**
     * A (semi-)orthogonal matrix, as PyTorch: the Q of a QR decomposition of a normal matrix, signs fixed so
     * R's diagonal is positive, times gain. Tensors with more than 2 dims are treated as [size(0), rest].
     */
    public static Tensor orthogonal_(Tensor t, double gain, Generator gen) {
        if (t.dim() < 2) throw new IllegalArgumentException("orthogonal_: needs at least 2 dims, got shape " + Arrays.toString(t.shape()));
        int rows = t.size(0), cols = t.numel() / rows;
        boolean wide = rows < cols;
        int m = wide ? cols : rows, n = wide ? rows : cols;
        double[][] a = new double[n][m]; // column-major: a[j] is column j of an m x n tall matrix
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) a[j][i] = gen.nextGaussian();
        // Modified Gram-Schmidt gives Q with R's diagonal positive, the sign convention PyTorch applies.
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < m; i++) dot += a[k][i] * a[j][i];
                for (int i = 0; i < m; i++) a[j][i] -= dot * a[k][i];
            }
            double norm = 0;
            for (int i = 0; i < m; i++) norm += a[j][i] * a[j][i];
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) a[j][i] /= norm;
        }
        double[] q = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) q[r * cols + c] = gain * (wide ? a[r][c] : a[c][r]);
        try (var g = Nabla.noGrad()) {
            return t.copy_(Nabla.tensor(q, t.shape()));
        }
    }

    public static Tensor orthogonal_(Tensor t) { return orthogonal_(t, 1, Nabla.defaultGenerator()); }
}
