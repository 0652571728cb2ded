/**
 * Neural-network building blocks with PyTorch's {@code torch.nn} semantics, so weights, outputs and
 * gradients are comparable with PyTorch's: {@link dev.nabla.nn.Module} (parameters, buffers, state dicts
 * with PyTorch's key names, train/eval, freezing), {@link dev.nabla.nn.Layer} for one-tensor-in layers,
 * the containers ({@link dev.nabla.nn.Sequential}, {@link dev.nabla.nn.ModuleList}, {@link dev.nabla.nn.ModuleDict}),
 * layers (linear, convolution, pooling, normalisation, dropout, embedding, activations, recurrent,
 * attention, transformer), losses ({@link dev.nabla.nn.Losses} and one module per loss) and
 * {@link dev.nabla.nn.Init}, PyTorch's initialisers. Every random choice goes through a
 * {@link dev.nabla.Generator} (the global one unless given).
 *
 * <p>Layers are composites of differentiable core ops ({@link dev.nabla.Tensor}, {@link dev.nabla.Functional}),
 * so autograd, {@code grad} and {@code vjp} work through them. Depends on {@code dev.nabla} only.
 */
package dev.nabla.nn;
