package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RandomContrast}: while training, scales each image's deviation from its per-channel
 * mean by a factor {@code c} drawn per image from {@code [1 - lower, 1 + upper]}, then clips to
 * {@code value_range}; the identity at inference. As in Keras 3.15, a number {@code f} gives the range
 * {@code [0, f]}, so {@code c} lies in {@code [1, 1 + f]}.
 *
 * <pre>{@code
 * RandomContrast contrast = RandomContrast.of(0.2).valueRange(0, 1);
 * RandomContrast fixed = RandomContrast.of(-0.5, 0.5); // always c = 1.5
 * }</pre>
 */
public final class RandomContrast extends ValueRangeLayer<RandomContrast> {
  private static final String NAME = "RandomContrast";

  private RandomContrast(Factor factor) {
    super(factor);
  }

  /** The factor {@code f} in {@code [0, 1]}: the range {@code [0, f]}. */
  public static RandomContrast of(double factor) {
    return new RandomContrast(Factor.base(NAME, 0, 1, factor));
  }

  /** The range {@code [lower, upper]} (sorted; it must overlap {@code [0, 1]}). */
  public static RandomContrast of(double lower, double upper) {
    return new RandomContrast(Factor.base(NAME, 0, 1, lower, upper));
  }

  @Override
  public String className() {
    return NAME;
  }

  @Override
  public String namePrefix() {
    return "random_contrast";
  }

  @Override
  double[] drawRange(double lower, double upper) {
    return new double[] {1.0 - lower, 1.0 + upper};
  }

  /** {@code (x - mean) * c + mean}, the mean over height then width. */
  @Override
  Operand<TFloat32> adjust(LayerContext context, Operand<TFloat32> images, Operand<TFloat32> c) {
    var tf = context.tf();
    var keep = org.tensorflow.op.math.Mean.keepDims(true);
    Operand<TFloat32> mean = tf.math.mean(tf.math.mean(images, tf.constant(1), keep),
        tf.constant(2), keep);
    return tf.math.add(tf.math.mul(tf.math.sub(images, mean), c), mean);
  }

  @Override
  public Config getConfig() {
    return commonConfig().build();
  }

  /** Reads Keras's RandomContrast config. */
  public static RandomContrast fromConfig(ConfigReader c) {
    double[] f = Factor.read(c, "factor");
    return (f.length == 1 ? of(f[0]) : of(f[0], f[1])).readCommon(c);
  }
}
