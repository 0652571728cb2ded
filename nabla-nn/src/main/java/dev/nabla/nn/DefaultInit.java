package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.Tensor;

/** PyTorch's default initialisation of Linear and convolution layers, shared by them. */
final class DefaultInit {
    private DefaultInit() {}

    /**
     * kaiming_uniform(a = sqrt(5)) for the weight, which is uniform(+-1/sqrt(fan_in)), and the same bound
     * for the bias; PyTorch keeps this (historical) choice and results are comparable only if we do too.
     */
    static void kaimingLinear(Tensor weight, Tensor bias, Generator gen) {
        Init.kaimingUniform_(weight, Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu", gen);
        if (bias != null) {
            int fanIn = Init.fans(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound, gen);
        }
    }
}
