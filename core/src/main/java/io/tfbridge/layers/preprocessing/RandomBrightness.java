package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RandomBrightness}: while training, adds to each image {@code d * (high - low)}, with
 * {@code d} drawn per image from the factor's range and {@code [low, high]} the value_range, then
 * clips to the value_range; the identity at inference.
 *
 * <pre>{@code
 * RandomBrightness brighter = RandomBrightness.of(0.2).valueRange(0, 1);
 * RandomBrightness darker = RandomBrightness.of(-0.3, 0.0).seed(3);
 * }</pre>
 */
public final class RandomBrightness extends ValueRangeLayer<RandomBrightness> {
  private static final String NAME = "RandomBrightness";

  private RandomBrightness(Factor factor) {
    super(factor);
  }

  /** The factor {@code f} in {@code [-1, 1]}: the range {@code [-|f|, |f|]}. */
  public static RandomBrightness of(double factor) {
    return new RandomBrightness(Factor.base(NAME, -1, 1, factor));
  }

  /** The range {@code [lower, upper]} (sorted; it must overlap {@code [-1, 1]}). */
  public static RandomBrightness of(double lower, double upper) {
    return new RandomBrightness(Factor.base(NAME, -1, 1, lower, upper));
  }

  @Override
  public String className() {
    return NAME;
  }

  @Override
  public String namePrefix() {
    return "random_brightness";
  }

  @Override
  double[] drawRange(double lower, double upper) {
    return new double[] {lower, upper};
  }

  /** Keras sorts the value_range of RandomBrightness. */
  @Override
  double[] normalizedRange(double low, double high) {
    return new double[] {Math.min(low, high), Math.max(low, high)};
  }

  /** {@code x + d * (high - low)}. */
  @Override
  Operand<TFloat32> adjust(LayerContext context, Operand<TFloat32> images, Operand<TFloat32> d) {
    var tf = context.tf();
    double[] range = valueRange();
    return tf.math.add(images, tf.math.mul(d, tf.constant((float) (range[1] - range[0]))));
  }

  @Override
  public Config getConfig() {
    return commonConfig().build();
  }

  /** Reads Keras's RandomBrightness config. */
  public static RandomBrightness fromConfig(ConfigReader c) {
    double[] f = Factor.read(c, "factor");
    return (f.length == 1 ? of(f[0]) : of(f[0], f[1])).readCommon(c);
  }
}
