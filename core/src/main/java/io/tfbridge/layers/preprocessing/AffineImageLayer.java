package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.image.ImageProjectiveTransformV3;
import org.tensorflow.types.TFloat32;

/**
 * The random geometric layers (RandomRotation, RandomTranslation, RandomZoom): while training each
 * image is resampled through a projective transform drawn per image, with TF's
 * {@code ImageProjectiveTransformV3} as Keras's TensorFlow backend does; at inference the input passes
 * unchanged.
 *
 * @param <L> the concrete layer, for the fluent copies
 */
public abstract class AffineImageLayer<L extends AffineImageLayer<L>> extends Layer<L> {
  private String fillMode = "reflect";
  private String interpolation = "bilinear";
  private double fillValue = 0.0;
  private Long seed;

  AffineImageLayer() {}

  /**
   * The 8 transform coefficients {@code (a0, a1, a2, b0, b1, b2, c0, c1)} per image, shape
   * {@code (batch, 8)}: output pixel {@code (x, y)} samples the input at
   * {@code ((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)}, {@code k = c0 x + c1 y + 1}.
   */
  abstract Operand<TFloat32> transforms(LayerContext context, Operand<TFloat32> draws, long height,
      long width);

  /** How many uniform draws each image needs. */
  abstract int drawsPerImage();

  /**
   * A copy that fills points outside the image by {@code fillMode}: reflect (default), wrap,
   * constant, nearest.
   */
  public L fillMode(String fillMode) {
    L copy = copy();
    ((AffineImageLayer<L>) copy).fillMode = ImageLayers.checkedFillMode(className(), fillMode);
    return copy;
  }

  /** A copy that samples by {@code interpolation}: bilinear (default) or nearest. */
  public L interpolation(String interpolation) {
    L copy = copy();
    ((AffineImageLayer<L>) copy).interpolation =
        ImageLayers.checkedInterpolation(className(), interpolation);
    return copy;
  }

  /** A copy that fills with {@code fillValue} outside the image when fill_mode is constant (default 0). */
  public L fillValue(double fillValue) {
    L copy = copy();
    ((AffineImageLayer<L>) copy).fillValue = fillValue;
    return copy;
  }

  /** A copy whose draws use this seed rather than the model's. */
  public L seed(long seed) {
    L copy = copy();
    ((AffineImageLayer<L>) copy).seed = seed;
    return copy;
  }

  /** How points outside the image are filled. */
  public String fillMode() {
    return fillMode;
  }

  /** How the image is sampled: bilinear or nearest. */
  public String interpolation() {
    return interpolation;
  }

  /** The value outside the image when fill_mode is constant. */
  public double fillValue() {
    return fillValue;
  }

  /** The layer's own seed, or null (the model's seed). */
  public Long seed() {
    return seed;
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return ImageLayers.requireImages(layerName, input);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    long height = input.shape().get(1);
    long width = input.shape().get(2);
    Operand<TFloat32> draws = ImageLayers.uniform(context, seed, input, drawsPerImage());
    // the transforms hold no weights: stop the gradient before the random draws (no gradient in TF)
    Operand<TFloat32> moved = tf.image.imageProjectiveTransformV3(input,
        tf.stopGradient(transforms(context, draws, height, width)),
        tf.constant(new int[] {(int) height, (int) width}), tf.constant((float) fillValue),
        interpolation.toUpperCase(Locale.ROOT),
        ImageProjectiveTransformV3.fillMode(fillMode.toUpperCase(Locale.ROOT)));
    return LayerOutput.of(ImageLayers.whileTraining(context, moved, input));
  }

  /** Reads the options every geometric layer shares: fill_mode, interpolation, fill_value, seed. */
  L readCommon(ConfigReader c) {
    ImageLayers.readDataFormat(c);
    L layer = fillMode(c.getString("fill_mode", "reflect"))
        .interpolation(c.getString("interpolation", "bilinear"))
        .fillValue(c.getDouble("fill_value", 0.0));
    Long s = ImageLayers.readSeed(c);
    return s == null ? layer : layer.seed(s);
  }

  /** The rows {@code (a0, a1, a2, b0, b1, b2, 0, 0)} of {@code (batch, 1)} coefficients. */
  static Operand<TFloat32> affine(LayerContext context, Operand<TFloat32> a0, Operand<TFloat32> a1,
      Operand<TFloat32> a2, Operand<TFloat32> b0, Operand<TFloat32> b1, Operand<TFloat32> b2) {
    var tf = context.tf();
    Operand<TFloat32> zero = tf.zerosLike(a0);
    return tf.concat(List.of(a0, a1, a2, b0, b1, b2, zero, zero), tf.constant(1));
  }
}
