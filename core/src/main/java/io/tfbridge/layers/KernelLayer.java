package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * What Keras's layers with one kernel ({@link Dense} and the {@link RecurrentLayer}s) share:
 * besides {@link BiasedLayer}'s activation (linear; tanh for the recurrent layers), use_bias and bias
 * initializer, the kernel initializer (default glorot_uniform), with its fluent copy.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class KernelLayer<L extends KernelLayer<L>> extends BiasedLayer<L> {
  Initializer kernelInitializer = GlorotUniform.of();

  KernelLayer() {}

  /** A copy with this kernel initializer (default glorot_uniform). */
  public L kernelInitializer(Initializer initializer) {
    L copy = copy();
    copy.kernelInitializer = initializer;
    return copy;
  }

  /** The kernel initializer. */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** The kernel options a config gives: activation, use_bias and the kernel and bias initializers. */
  final L withKernelOptions(ConfigReader c, Activation defaultActivation) {
    return withActivationOptions(c, defaultActivation)
        .kernelInitializer(c.initializer("kernel_initializer", GlorotUniform.of()))
        .biasInitializer(c.initializer("bias_initializer", Zeros.of()));
  }

  /** Writes the kernel and bias initializers. */
  final Config.Builder putInitializers(Config.Builder b) {
    return b.put("kernel_initializer", Initializers.serialize(kernelInitializer))
        .put("bias_initializer", Initializers.serialize(biasInitializer));
  }
}
