package dev.nabla.data;

import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Chains image transforms (torchvision's Compose); apply the result to the image field of each sample. */
public final class ImageTransforms {
    private ImageTransforms() {}

    @SafeVarargs
    public static UnaryOperator<Tensor> compose(UnaryOperator<Tensor>... transforms) {
        List<UnaryOperator<Tensor>> steps = new ArrayList<>(transforms.length);
        for (UnaryOperator<Tensor> t : transforms) steps.add(t); // element by element: the varargs array itself never escapes
        return image -> {
            Tensor x = image;
            for (UnaryOperator<Tensor> t : steps) x = t.apply(x);
            return x;
        };
    }

    /** The transform applied to field 0 (the image) of {image, label} samples, the label passed through. */
    public static UnaryOperator<Tensor[]> onImage(UnaryOperator<Tensor> transform) {
        return sample -> {
            Tensor[] out = sample.clone();
            out[0] = transform.apply(sample[0]);
            return out;
        };
    }
}
