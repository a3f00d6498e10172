package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RandomZoom}: while training, scales each image about its centre by {@code 1 + z},
 * {@code z} drawn from {@code height_factor}'s range (positive: zoom out, negative: zoom in), and
 * horizontally by a separate draw from {@code width_factor}'s range when one is given (else by the
 * same factor, keeping the aspect ratio); the identity at inference.
 *
 * <pre>{@code
 * RandomZoom zoom = RandomZoom.of(0.2).fillMode("nearest");
 * RandomZoom stretch = RandomZoom.of(-0.3, -0.1).widthFactor(0.1, 0.2);
 * }</pre>
 */
public final class RandomZoom extends AffineImageLayer<RandomZoom> {
  private static final String NAME = "RandomZoom";
  private final Factor height;
  private Factor width;

  private RandomZoom(Factor height) {
    this.height = height;
  }

  /** Zooms by {@code 1 + z}, {@code z} in {@code [-|f|, |f|]}, {@code f} in {@code (-1, 1]}. */
  public static RandomZoom of(double heightFactor) {
    return new RandomZoom(Factor.ranged(NAME, "height_factor", true, heightFactor));
  }

  /** Zooms by {@code 1 + z}, {@code z} in {@code [lower, upper]} (sorted), each in {@code (-1, 1]}. */
  public static RandomZoom of(double lower, double upper) {
    return new RandomZoom(Factor.ranged(NAME, "height_factor", true, lower, upper));
  }

  /** A copy whose horizontal zoom is drawn separately from {@code [-|f|, |f|]}. */
  public RandomZoom widthFactor(double factor) {
    return withWidth(Factor.ranged(NAME, "width_factor", true, factor));
  }

  /** A copy whose horizontal zoom is drawn separately from {@code [lower, upper]}. */
  public RandomZoom widthFactor(double lower, double upper) {
    return withWidth(Factor.ranged(NAME, "width_factor", true, lower, upper));
  }

  private RandomZoom withWidth(Factor factor) {
    RandomZoom copy = copy();
    copy.width = factor;
    return copy;
  }

  /** The range of {@code z} for the height. */
  public double[] heightFactor() {
    return new double[] {height.lower(), height.upper()};
  }

  /** The range of {@code z} for the width, or null when the height's draw is used. */
  public double[] widthFactor() {
    return width == null ? null : new double[] {width.lower(), width.upper()};
  }

  @Override
  public String className() {
    return NAME;
  }

  @Override
  public String namePrefix() {
    return "random_zoom";
  }

  @Override
  int drawsPerImage() {
    return 2;
  }

  /** Keras's zoom matrix {@code (zx, 0, (w - 1) / 2 (1 - zx), 0, zy, (h - 1) / 2 (1 - zy), 0, 0)}. */
  @Override
  Operand<TFloat32> transforms(LayerContext context, Operand<TFloat32> draws, long h, long w) {
    var tf = context.tf();
    Operand<TFloat32> zy = ImageLayers.column(context, draws, 0, 1 + height.lower(),
        1 + height.upper());
    Operand<TFloat32> zx = width == null ? zy
        : ImageLayers.column(context, draws, 1, 1 + width.lower(), 1 + width.upper());
    Operand<TFloat32> one = tf.onesLike(zx);
    Operand<TFloat32> zero = tf.zerosLike(zx);
    Operand<TFloat32> x0 = tf.math.mul(tf.constant((float) ((w - 1.0) / 2.0)), tf.math.sub(one, zx));
    Operand<TFloat32> y0 = tf.math.mul(tf.constant((float) ((h - 1.0) / 2.0)), tf.math.sub(one, zy));
    return affine(context, zx, zero, x0, zero, zy, y0);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last")
        .put("height_factor", height.configValue())
        .put("width_factor", width == null ? null : width.configValue())
        .put("fill_mode", fillMode()).put("interpolation", interpolation()).put("seed", seed())
        .put("fill_value", fillValue()).build();
  }

  /** Reads Keras's RandomZoom config. */
  public static RandomZoom fromConfig(ConfigReader c) {
    double[] h = Factor.read(c, "height_factor");
    RandomZoom layer = h.length == 1 ? of(h[0]) : of(h[0], h[1]);
    if (c.get("width_factor") != null) {
      double[] w = Factor.read(c, "width_factor");
      layer = w.length == 1 ? layer.widthFactor(w[0]) : layer.widthFactor(w[0], w[1]);
    }
    return layer.readCommon(c);
  }
}
