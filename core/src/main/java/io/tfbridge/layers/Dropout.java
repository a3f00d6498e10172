package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.random.RandomUniform;
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
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `rate`. Expected a float value between 0 and 1. "
              + "Received: rate=" + rate);
    }
    this.rate = rate;
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

  /**
   * {@code x * (1 + training * (keep / (1 - rate) - 1))}: arithmetic on the training flag rather than a
   * conditional, since gradients through If ops abort the process in TF Java.
   */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    if (rate == 0) {
      return LayerOutput.of(input);
    }
    var tf = context.tf();
    long seed = context.seed();
    Operand<TFloat32> uniform = tf.random.randomUniform(tf.shape(input), TFloat32.class,
        RandomUniform.seed(seed & 0x7fffffffL), RandomUniform.seed2((seed >>> 32) & 0x7fffffffL));
    Operand<TFloat32> keep = tf.dtypes.cast(
        tf.math.greaterEqual(uniform, tf.constant((float) rate)), TFloat32.class);
    float scale = rate == 1 ? 0f : (float) (1.0 / (1.0 - rate));
    Operand<TFloat32> mask = tf.math.sub(tf.math.mul(keep, tf.constant(scale)), tf.constant(1f));
    Operand<TFloat32> factor = tf.math.add(tf.constant(1f), tf.math.mul(context.trainingFlag(), mask));
    return LayerOutput.of(tf.math.mul(input, factor));
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
