package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * What Keras's layers with an activation and an optional bias share: the activation (default
 * linear), use_bias (default true) and the bias initializer (default zeros), with their fluent
 * copies. {@link KernelLayer} adds one kernel initializer; the convolutions ({@link ConvLayer}) name
 * their kernels their own way.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class BiasedLayer<L extends BiasedLayer<L>> extends Layer<L> {
  Activation activation = Activation.LINEAR;
  boolean useBias = true;
  Initializer biasInitializer = Zeros.of();

  BiasedLayer() {}

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

  /** The bias initializer. */
  public Initializer biasInitializer() {
    return biasInitializer;
  }

  /** The activation and use_bias a config gives. */
  final L withActivationOptions(ConfigReader c, Activation defaultActivation) {
    return activation(c.activation("activation", defaultActivation))
        .useBias(c.getBool("use_bias", true));
  }

  /** Writes activation and use_bias, in Keras's order. */
  final Config.Builder putActivation(Config.Builder b) {
    return b.put("activation", activation).put("use_bias", useBias);
  }
}
