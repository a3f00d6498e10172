package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GaussianNoise}: while training, adds zero-centred Gaussian noise of standard
 * deviation {@code stddev} to every entry; the identity at inference.
 *
 * <pre>{@code
 * GaussianNoise noise = GaussianNoise.of(0.1);
 * }</pre>
 */
public final class GaussianNoise extends Layer<GaussianNoise> {
  private final double stddev;

  private GaussianNoise(double stddev) {
    if (!(stddev >= 0 && stddev <= 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `stddev`. Expected a "
          + "float value between 0 and 1. Received: stddev=" + stddev);
    }
    this.stddev = stddev;
  }

  /** Noise of standard deviation {@code stddev}, in {@code [0, 1]} (as Keras requires). */
  public static GaussianNoise of(double stddev) {
    return new GaussianNoise(stddev);
  }

  /** The standard deviation of the noise. */
  public double stddev() {
    return stddev;
  }

  @Override
  public String className() {
    return "GaussianNoise";
  }

  @Override
  public String namePrefix() {
    return "gaussian_noise";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  /** {@code x + training * stddev * N(0, 1)}. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    if (stddev == 0) {
      return LayerOutput.of(input);
    }
    var tf = context.tf();
    Operand<TFloat32> noise = tf.math.mul(Noise.normal(context, tf.shape(input)),
        tf.constant((float) stddev));
    return LayerOutput.of(tf.math.add(input, tf.math.mul(context.trainingFlag(), noise)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("stddev", stddev).putNull("seed").build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's GaussianNoise config (its seed is dropped: tfbridge draws from the model's seed). */
  public static GaussianNoise fromConfig(ConfigReader c) {
    c.ignore("seed");
    return of(c.getDouble("stddev"));
  }
}
