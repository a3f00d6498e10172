package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * What Keras's kernel layers ({@link Dense}, {@link Conv1D}, {@link Conv2D}, and the
 * {@link RecurrentLayer}s) share: the activation (default linear; tanh for the recurrent layers),
 * use_bias (default true) and the kernel and bias initializers (glorot_uniform, zeros), with their
 * fluent copies.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class KernelLayer<L extends KernelLayer<L>> extends Layer<L> {
  Activation activation = Activation.LINEAR;
  boolean useBias = true;
  Initializer kernelInitializer = GlorotUniform.of();
  Initializer biasInitializer = Zeros.of();

  KernelLayer() {}

  /** A copy with the activation of this Keras name ({@code "relu"}, {@code "softmax"}, ...). */
  public L activation(String name) {
    return activation(Activation.get(name));
  }

  /** A copy with this activation. */
  public L activation(Activation activation) {
    L copy = copy();
    copy.activation = activation;
    return copy;
  }

  /** A copy with or without a bias (Keras's {@code use_bias}, default true). */
  public L useBias(boolean useBias) {
    L copy = copy();
    copy.useBias = useBias;
    return copy;
  }

  /** A copy with this kernel initializer (default glorot_uniform). */
  public L kernelInitializer(Initializer initializer) {
    L copy = copy();
    copy.kernelInitializer = initializer;
    return copy;
  }

  /** A copy with this bias initializer (default zeros). */
  public L biasInitializer(Initializer initializer) {
    L copy = copy();
    copy.biasInitializer = initializer;
    return copy;
  }

  /** The activation. */
  public Activation activation() {
    return activation;
  }

  /** Whether the layer adds a bias. */
  public boolean useBias() {
    return useBias;
  }

  /** The kernel initializer. */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** The bias initializer. */
  public Initializer biasInitializer() {
    return biasInitializer;
  }

  /** The kernel options a config gives: activation, use_bias and the kernel and bias initializers. */
  final L withKernelOptions(ConfigReader c, Activation defaultActivation) {
    return activation(c.activation("activation", defaultActivation))
        .useBias(c.getBool("use_bias", true))
        .kernelInitializer(c.initializer("kernel_initializer", GlorotUniform.of()))
        .biasInitializer(c.initializer("bias_initializer", Zeros.of()));
  }

  /** Writes activation and use_bias, in Keras's order. */
  final Config.Builder putActivation(Config.Builder b) {
    return b.put("activation", activation.kerasName()).put("use_bias", useBias);
  }

  /** Writes the kernel and bias initializers. */
  final Config.Builder putInitializers(Config.Builder b) {
    return b.put("kernel_initializer", Initializers.serialize(kernelInitializer))
        .put("bias_initializer", Initializers.serialize(biasInitializer));
  }
}
