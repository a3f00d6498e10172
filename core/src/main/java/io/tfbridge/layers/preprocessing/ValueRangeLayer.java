package io.tfbridge.layers.preprocessing;

import io.tfbridge.layers.Layer;
import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The random colour layers (RandomContrast, RandomBrightness): while training each image is changed
 * by one number drawn per image from the factor's range, and the result clipped to
 * {@code value_range}; at inference the input passes unchanged (not clipped), as in Keras.
 *
 * @param <L> the concrete layer, for the fluent copies
 */
public abstract class ValueRangeLayer<L extends ValueRangeLayer<L>> extends Layer<L> {
  private final Factor factor;
  private double[] valueRange = {0, 255};
  private Long seed;

  ValueRangeLayer(Factor factor) {
    this.factor = factor;
  }

  /** The image adjusted by {@code draw}, one number per image of shape {@code (batch, 1, 1, 1)}. */
  abstract Operand<TFloat32> adjust(LayerContext context, Operand<TFloat32> images,
      Operand<TFloat32> draw);

  /** The range the draw is taken from, given the factor's range. */
  abstract double[] drawRange(double lower, double upper);

  /** The value_range as the layer stores it (RandomBrightness sorts it). */
  double[] normalizedRange(double low, double high) {
    return new double[] {low, high};
  }

  /** A copy whose pixel values lie in {@code [low, high]} (default {@code [0, 255]}). */
  public L valueRange(double low, double high) {
    L copy = copy();
    ((ValueRangeLayer<L>) copy).valueRange = normalizedRange(low, high);
    return copy;
  }

  /** A copy whose draws use this seed rather than the model's. */
  public L seed(long seed) {
    L copy = copy();
    ((ValueRangeLayer<L>) copy).seed = seed;
    return copy;
  }

  /** The factor's range {@code [lower, upper]}. */
  public double[] factor() {
    return new double[] {factor.lower(), factor.upper()};
  }

  /** The range pixel values are clipped to while training: {@code [low, high]}. */
  public double[] valueRange() {
    return valueRange.clone();
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
    double[] range = drawRange(factor.lower(), factor.upper());
    // behind a StopGradient: RandomUniform has no gradient, and the draw holds no weights
    Operand<TFloat32> draw = tf.stopGradient(tf.reshape(
        ImageLayers.column(context, ImageLayers.uniform(context, seed, input, 1), 0, range[0],
            range[1]),
        tf.constant(new int[] {-1, 1, 1, 1})));
    Operand<TFloat32> clipped = tf.math.minimum(
        tf.math.maximum(adjust(context, input, draw), tf.constant((float) valueRange[0])),
        tf.constant((float) valueRange[1]));
    return LayerOutput.of(ImageLayers.whileTraining(context, clipped, input));
  }

  /** Keras's factor, value_range and seed, in its config's order. */
  Config.Builder commonConfig() {
    return Config.builder().put("data_format", "channels_last")
        .put("factor", factor.configValue()).put("value_range", List.of(valueRange[0], valueRange[1]))
        .put("seed", seed);
  }

  /** Reads value_range, seed and data_format. */
  L readCommon(ConfigReader c) {
    ImageLayers.readDataFormat(c);
    L layer = self();
    if (c.get("value_range") != null) {
      double[] r = Factor.read(c, "value_range");
      if (r.length != 2) {
        throw c.error("The `value_range` argument should be a list of two numbers. Received: "
            + "value_range=" + c.get("value_range"));
      }
      layer = layer.valueRange(r[0], r[1]);
    }
    Long s = ImageLayers.readSeed(c);
    return s == null ? layer : layer.seed(s);
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }
}
