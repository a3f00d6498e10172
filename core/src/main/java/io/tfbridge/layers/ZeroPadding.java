package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The base of Keras's {@code ZeroPadding1D/2D/3D} on channels-last inputs: rows of zeros added at
 * both ends of each spatial axis.
 *
 * @param <L> the concrete layer type
 */
public abstract class ZeroPadding<L extends ZeroPadding<L>> extends Layer<L> {
  private final Margins padding;

  ZeroPadding(Margins padding) {
    this.padding = padding;
  }

  /** The zeros added before and after each spatial axis: {@code {{before, after}, ...}}. */
  public int[][] padding() {
    return padding.pairs();
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    int rank = padding.axes() + 2;
    Shapes.requireRank(layerName, input, rank, rank);
    long[] dims = input.asArray();
    for (int i = 0; i < padding.axes(); i++) {
      if (dims[i + 1] >= 0) {
        dims[i + 1] += padding.before(i) + padding.after(i);
      }
    }
    return Shape.of(dims);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    int[][] all = new int[padding.axes() + 2][];
    all[0] = new int[2];
    all[all.length - 1] = new int[2];
    System.arraycopy(padding.pairs(), 0, all, 1, padding.axes());
    return LayerOutput.of(tf.pad(input, tf.constant(all), tf.constant(0f)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("padding", padding.toConfig()).put("data_format", "channels_last")
        .build();
  }

  /** Reads padding ({@code fallback} if absent) and data_format (channels_last only). */
  static Margins readPadding(ConfigReader c, int axes, Margins fallback) {
    c.requireDefault("data_format", "channels_last");
    return Margins.read(c, "padding", axes, fallback);
  }
}
