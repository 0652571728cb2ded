package dev.nabla.nn.keras;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Linear;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;

/** Small synthetic problems and models for the Model tests. */
final class Problems {
    private Problems() {}

    /** n points in the plane, labelled 1 above the line x0 + x1 = 0 and 0 below: separable by a linear boundary. */
    static Tensor[] separable(int n, long seed) {
        Tensor x = Nabla.randn(new Generator(seed), n, 2);
        Tensor y = x.select(1, 0).add(x.select(1, 1)).gt(0).toLong();
        return new Tensor[] {x, y};
    }

    static Sequential mlp() {
        return new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 2));
    }
}
