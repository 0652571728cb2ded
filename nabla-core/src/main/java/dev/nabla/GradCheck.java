package dev.nabla;

import java.util.Arrays;

/**
 * Checks analytical gradients against central finite differences in float64. A non-scalar output is
 * reduced with fixed random weights first, which checks the whole vector-Jacobian product at once.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Thrown when an analytical gradient disagrees with the numerical one. */
    public static final class GradcheckException extends RuntimeException {
        GradcheckException(String message) {
            super(message);
        }
    }

    public static boolean check(TensorFn f, Tensor[] inputs, double eps, double atol, double rtol) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i].detach();
            xs[i] = x.dtype().isFloatingPoint() ? x.to(DType.FLOAT64).clone().requiresGrad(true) : x;
        }
        Tensor weights;
        Tensor y0;
        try (var ignored = Nabla.noGrad()) {
            y0 = f.apply(xs);
            weights = Nabla.randn(new Generator(1234), y0.shape()).to(DType.FLOAT64);
        }
        Tensor w = weights;
        TensorFn scalar = args -> f.apply(args).to(DType.FLOAT64).mul(w).sum();

        Tensor[] analytical;
        try (var ignored = Nabla.enableGrad()) {
            Tensor s = scalar.apply(xs);
            Tensor[] diff = Arrays.stream(xs).filter(Tensor::requiresGrad).toArray(Tensor[]::new);
            analytical = s.requiresGrad() ? Autograd.grad(new Tensor[] {s}, diff, null, false, false, true) : new Tensor[diff.length];
        }
        int a = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].requiresGrad()) continue;
            Tensor ga = analytical[a++];
            double[] gaVals = ga == null ? new double[xs[i].numel()] : ga.toDoubleArray();
            double[] data = xs[i].storage().doubles();
            for (int k = 0; k < data.length; k++) {
                double orig = data[k];
                double plus, minus;
                try (var ignored = Nabla.noGrad()) {
                    data[k] = orig + eps;
                    plus = scalar.apply(xs).item();
                    data[k] = orig - eps;
                    minus = scalar.apply(xs).item();
                } finally {
                    data[k] = orig;
                }
                double numerical = (plus - minus) / (2 * eps);
                double an = gaVals[k];
                if (!(Math.abs(an - numerical) <= atol + rtol * Math.abs(numerical)))
                    throw new GradcheckException("gradcheck: input " + i + " " + Shapes.str(xs[i].shape()) + " element " + k
                            + ": analytical " + an + " vs numerical " + numerical);
            }
        }
        return true;
    }
}
