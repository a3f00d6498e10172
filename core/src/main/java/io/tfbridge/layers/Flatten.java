package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Flatten}: {@code (batch, d1, d2, ...)} to {@code (batch, d1 * d2 * ...)}, row-major.
 *
 * <pre>{@code
 * Flatten flatten = Flatten.of();
 * }</pre>
 */
public final class Flatten extends Layer<Flatten> {

  private Flatten() {}

  /** A flatten layer. */
  public static Flatten of() {
    return new Flatten();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Flatten";
  }

  @Override
  public String namePrefix() {
    return "flatten";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    Shape features = input.tail();
    if (features.hasUnknownDimension()) {
      throw Shapes.incompatible(layerName, "all non-batch dimensions defined", input);
    }
    return Shape.of(input.get(0), features.size());
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    long size = input.shape().tail().size();
    return LayerOutput.of(tf.reshape(input, tf.constant(new long[] {-1, size})));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").build();
  }

  /** Reads Keras's Flatten config (channels_last). */
  public static Flatten fromConfig(ConfigReader c) {
    c.requireDefault("data_format", "channels_last");
    return of();
  }
}
