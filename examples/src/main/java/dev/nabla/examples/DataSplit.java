package dev.nabla.examples;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/** Training and test tensors of one data set, and a phrase saying what they are for the report. */
public record DataSplit(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest, String description) {
    /** Shuffles the samples (dimension 0) with seed and holds out the first testFraction of them for testing. */
    static DataSplit random(Tensor x, Tensor y, double testFraction, long seed, String name) {
        int n = x.size(0), nTest = (int) Math.round(n * testFraction), nTrain = n - nTest;
        Tensor order = Nabla.randperm(new Generator(seed), n);
        Tensor xs = x.indexSelect(0, order), ys = y.indexSelect(0, order);
        return new DataSplit(xs.narrow(0, nTest, nTrain), ys.narrow(0, nTest, nTrain), xs.narrow(0, 0, nTest), ys.narrow(0, 0, nTest),
                name + ", " + nTrain + " train / " + nTest + " test");
    }
}
