package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RandomRotation}: while training, rotates each image about its centre
 * {@code ((width - 1) / 2, (height - 1) / 2)} by an angle drawn uniformly from
 * {@code [lower * 2 pi, upper * 2 pi]}; the identity at inference.
 *
 * <pre>{@code
 * RandomRotation rotate = RandomRotation.of(0.1).fillMode("constant").fillValue(0.5);
 * RandomRotation turn = RandomRotation.of(-0.25, 0.0).interpolation("nearest");
 * }</pre>
 */
public final class RandomRotation extends AffineImageLayer<RandomRotation> {
  private final Factor factor;

  private RandomRotation(Factor factor) {
    this.factor = factor;
  }

  /** Angles in {@code [-|factor|, |factor|]} of a full turn; {@code factor} in {@code [-1, 1]}. */
  public static RandomRotation of(double factor) {
    return new RandomRotation(Factor.base("RandomRotation", -1, 1, factor));
  }

  /** Angles in {@code [lower, upper]} of a full turn (the pair is sorted). */
  public static RandomRotation of(double lower, double upper) {
    return new RandomRotation(Factor.base("RandomRotation", -1, 1, lower, upper));
  }

  /** The range of angles, in turns: {@code [lower, upper]}. */
  public double[] factor() {
    return new double[] {factor.lower(), factor.upper()};
  }

  @Override
  public String className() {
    return "RandomRotation";
  }

  @Override
  public String namePrefix() {
    return "random_rotation";
  }

  @Override
  int drawsPerImage() {
    return 1;
  }

  /** Keras's rotation matrix about the centre (scale 1, no shear, no translation). */
  @Override
  Operand<TFloat32> transforms(LayerContext context, Operand<TFloat32> draws, long height,
      long width) {
    var tf = context.tf();
    Operand<TFloat32> degrees = ImageLayers.column(context, draws, 0, factor.lower() * 360.0,
        factor.upper() * 360.0);
    Operand<TFloat32> angle = tf.math.mul(degrees, tf.constant((float) (Math.PI / 180.0)));
    Operand<TFloat32> cos = tf.math.cos(angle);
    Operand<TFloat32> sin = tf.math.sin(angle);
    Operand<TFloat32> cx = tf.constant((float) (0.5 * (width - 1)));
    Operand<TFloat32> cy = tf.constant((float) (0.5 * (height - 1)));
    Operand<TFloat32> minusSin = tf.math.neg(sin);
    Operand<TFloat32> a2 = tf.math.sub(tf.math.sub(cx, tf.math.mul(cx, cos)),
        tf.math.mul(cy, minusSin));
    Operand<TFloat32> b2 = tf.math.sub(tf.math.sub(cy, tf.math.mul(cx, sin)),
        tf.math.mul(cy, cos));
    return affine(context, cos, minusSin, a2, sin, cos, b2);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").put("factor", factor.configValue())
        .put("fill_mode", fillMode()).put("fill_value", fillValue())
        .put("interpolation", interpolation()).put("seed", seed()).build();
  }

  /** Reads Keras's RandomRotation config. */
  public static RandomRotation fromConfig(ConfigReader c) {
    double[] f = Factor.read(c, "factor");
    RandomRotation layer = f.length == 1 ? of(f[0]) : of(f[0], f[1]);
    return layer.readCommon(c);
  }
}
