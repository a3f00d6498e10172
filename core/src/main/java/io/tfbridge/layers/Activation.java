package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Activation} layer: applies an activation to its input, element-wise (softmax over the
 * last axis). A final softmax or sigmoid {@code Activation} keeps its input as the logits the
 * crossentropy losses use, as in Keras.
 *
 * <pre>{@code
 * Activation softmax = Activation.of("softmax");
 * }</pre>
 */
public final class Activation extends Layer<Activation> {
  private final io.tfbridge.activations.Activation activation;

  private Activation(io.tfbridge.activations.Activation activation) {
    this.activation = java.util.Objects.requireNonNull(activation, "activation");
  }

  /** The activation of this Keras name ({@code "relu"}, {@code "softmax"}, ...). */
  public static Activation of(String name) {
    return new Activation(io.tfbridge.activations.Activation.get(name));
  }

  /** This activation. */
  public static Activation of(io.tfbridge.activations.Activation activation) {
    return new Activation(activation);
  }

  /** The activation this layer applies. */
  public io.tfbridge.activations.Activation activation() {
    return activation;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Activation";
  }

  @Override
  public String namePrefix() {
    return "activation";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.activate(context, input, activation);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("activation", activation).build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's Activation config. */
  public static Activation fromConfig(ConfigReader c) {
    return of(c.activation("activation", io.tfbridge.activations.Activation.LINEAR));
  }

  /** Keras's {@code supports_masking}: the input's mask passes through. */
  @Override
  public boolean supportsMasking() {
    return true;
  }
}
