package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RandomTranslation}: while training, shifts each image by a fraction of its height
 * drawn from {@code height_factor}'s range and a fraction of its width drawn from {@code width_factor}'s
 * (positive: down and right); the identity at inference.
 *
 * <pre>{@code
 * RandomTranslation shift = RandomTranslation.of(0.1, 0.2).fillMode("wrap");
 * RandomTranslation right = RandomTranslation.of(new double[] {0, 0}, new double[] {0.1, 0.3});
 * }</pre>
 */
public final class RandomTranslation extends AffineImageLayer<RandomTranslation> {
  private static final String NAME = "RandomTranslation";
  private final Factor height;
  private final Factor width;

  private RandomTranslation(Factor height, Factor width) {
    this.height = height;
    this.width = width;
  }

  /** Shifts within {@code [-|f|, |f|]} of the height and of the width; each {@code f} in {@code [-1, 1]}. */
  public static RandomTranslation of(double heightFactor, double widthFactor) {
    return of(new double[] {heightFactor}, new double[] {widthFactor});
  }

  /** Each factor a number or a pair {@code {lower, upper}} of fractions in {@code [-1, 1]}. */
  public static RandomTranslation of(double[] heightFactor, double[] widthFactor) {
    return new RandomTranslation(Factor.ranged(NAME, "height_factor", false, heightFactor),
        Factor.ranged(NAME, "width_factor", false, widthFactor));
  }

  /** The range of vertical shifts, as fractions of the height. */
  public double[] heightFactor() {
    return new double[] {height.lower(), height.upper()};
  }

  /** The range of horizontal shifts, as fractions of the width. */
  public double[] widthFactor() {
    return new double[] {width.lower(), width.upper()};
  }

  @Override
  public String className() {
    return NAME;
  }

  @Override
  public String namePrefix() {
    return "random_translation";
  }

  @Override
  int drawsPerImage() {
    return 2;
  }

  /** Keras's translation matrix {@code (1, 0, -dx, 0, 1, -dy, 0, 0)}. */
  @Override
  Operand<TFloat32> transforms(LayerContext context, Operand<TFloat32> draws, long h, long w) {
    var tf = context.tf();
    Operand<TFloat32> dy = tf.math.mul(
        ImageLayers.column(context, draws, 0, height.lower(), height.upper()), tf.constant((float) h));
    Operand<TFloat32> dx = tf.math.mul(
        ImageLayers.column(context, draws, 1, width.lower(), width.upper()), tf.constant((float) w));
    Operand<TFloat32> one = tf.onesLike(dx);
    Operand<TFloat32> zero = tf.zerosLike(dx);
    return affine(context, one, zero, tf.math.neg(dx), zero, one, tf.math.neg(dy));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last")
        .put("height_factor", height.configValue()).put("width_factor", width.configValue())
        .put("fill_mode", fillMode()).put("interpolation", interpolation()).put("seed", seed())
        .put("fill_value", fillValue()).build();
  }

  /** Reads Keras's RandomTranslation config. */
  public static RandomTranslation fromConfig(ConfigReader c) {
    return of(Factor.read(c, "height_factor"), Factor.read(c, "width_factor")).readCommon(c);
  }
}
