package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GaussianDropout}: while training, multiplies every entry by Gaussian noise of mean
 * 1 and standard deviation {@code sqrt(rate / (1 - rate))}; the identity at inference. With
 * {@code rate = 1} the deviation is unbounded and training outputs are not finite (Keras cannot
 * train with it either).
 *
 * <pre>{@code
 * GaussianDropout dropout = GaussianDropout.of(0.2);
 * }</pre>
 */
public final class GaussianDropout extends Layer<GaussianDropout> {
  private final double rate;

  private GaussianDropout(double rate) {
    this.rate = Noise.checkedRate(rate);
  }

  /** Multiplicative noise for the given drop rate, in {@code [0, 1]}. */
  public static GaussianDropout of(double rate) {
    return new GaussianDropout(rate);
  }

  /** The drop rate. */
  public double rate() {
    return rate;
  }

  @Override
  public String className() {
    return "GaussianDropout";
  }

  @Override
  public String namePrefix() {
    return "gaussian_dropout";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return input;
  }

  /** {@code x * (1 + training * stddev * N(0, 1))}. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    if (rate == 0) {
      return LayerOutput.of(input);
    }
    var tf = context.tf();
    float stddev = (float) Math.min(Math.sqrt(rate / (1.0 - rate)), Float.MAX_VALUE);
    Operand<TFloat32> deviation = tf.math.mul(Noise.normal(context, tf.shape(input)),
        tf.constant(stddev));
    return LayerOutput.of(Noise.scaleWhileTraining(context, input, deviation));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("rate", rate).putNull("seed").build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads Keras's GaussianDropout config (its seed is dropped: tfbridge draws from the model's seed). */
  public static GaussianDropout fromConfig(ConfigReader c) {
    c.ignore("seed");
    return of(c.getDouble("rate"));
  }
}
