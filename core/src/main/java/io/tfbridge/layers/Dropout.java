package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Dropout}: while training, zeroes each input with probability {@code rate} and scales
 * the rest by {@code 1 / (1 - rate)}; the identity otherwise.
 *
 * <pre>{@code
 * Dropout dropout = Dropout.of(0.5);
 * }</pre>
 */
public final class Dropout extends Layer<Dropout> {
  private final double rate;

  private Dropout(double rate) {
    this.rate = Noise.checkedRate(rate);
  }

  /** Dropout of the given rate, in {@code [0, 1]}. */
  public static Dropout of(double rate) {
    return new Dropout(rate);
  }

  /** The fraction of inputs dropped while training. */
  public double rate() {
    return rate;
  }

  @Override
  public String className() {
    return "Dropout";
  }

  @Override
  public String namePrefix() {
    return "dropout";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(Noise.dropout(context, input, rate, context.tf().shape(input)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("rate", rate).putNull("seed", "noise_shape").build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's Dropout config (its seed is dropped: tfbridge draws from the model's seed). */
  public static Dropout fromConfig(ConfigReader c) {
    c.ignore("seed");
    return of(c.getDouble("rate"));
  }

  /** Keras's {@code supports_masking}: the input's mask passes through. */
  @Override
  public boolean supportsMasking() {
    return true;
  }
}
