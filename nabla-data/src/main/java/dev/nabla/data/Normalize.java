package dev.nabla.data;

import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** (x - mean[c]) / std[c] for each channel c of an image [c, h, w] (or a batch [n, c, h, w]); torchvision's Normalize. */
public final class Normalize implements UnaryOperator<Tensor> {
    private final double[] mean;
    private final double[] std;

    public Normalize(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length)
            throw new IllegalArgumentException("Normalize: mean " + Arrays.toString(mean) + " and std " + Arrays.toString(std) + " need one value per channel each");
        for (double s : std) if (!(s > 0)) throw new IllegalArgumentException("Normalize: std must be positive, got " + Arrays.toString(std));
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public Tensor apply(Tensor image) {
        if (image.dim() < 3 || image.size(-3) != mean.length)
            throw new IllegalArgumentException("Normalize: expected an image [" + mean.length + ", h, w] (or a batch of them), got shape " + Arrays.toString(image.shape()));
        return image.sub(perChannel(mean, image)).div(perChannel(std, image));
    }

    private static Tensor perChannel(double[] values, Tensor like) {
        Storage s = Storage.allocate(like.dtype(), values.length);
        for (int c = 0; c < values.length; c++) s.setDouble(c, values[c]);
        return Tensor.of(s, values.length, 1, 1);
    }
}
