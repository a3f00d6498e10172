package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Index;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.types.TFloat32;

/**
 * The base of Keras's {@code Cropping1D/2D/3D} on channels-last inputs: entries removed at both
 * ends of each spatial axis; at least one entry of each axis must remain.
 *
 * @param <L> the concrete layer type
 */
public abstract class Cropping<L extends Cropping<L>> extends Layer<L> {
  private final Margins cropping;

  Cropping(Margins cropping) {
    this.cropping = cropping;
  }

  /** The entries removed before and after each spatial axis: {@code {{before, after}, ...}}. */
  public int[][] cropping() {
    return cropping.pairs();
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    int rank = cropping.axes() + 2;
    Shapes.requireRank(layerName, input, rank, rank);
    long[] dims = input.asArray();
    for (int i = 0; i < cropping.axes(); i++) {
      if (dims[i + 1] >= 0) {
        dims[i + 1] -= cropping.before(i) + cropping.after(i);
        if (dims[i + 1] <= 0) {
          throw new IllegalArgumentException("Layer \"" + layerName + "\" (" + className()
              + "): values in `cropping` argument should be smaller than the corresponding spatial "
              + "dimension of the input. Received: input_shape=" + Shapes.format(input)
              + ", cropping=" + cropping);
        }
      }
    }
    return Shape.of(dims);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Index[] index = new Index[cropping.axes() + 2];
    index[0] = Indices.all();
    index[index.length - 1] = Indices.all();
    for (int i = 0; i < cropping.axes(); i++) {
      int after = cropping.after(i);
      index[i + 1] = after == 0 ? Indices.sliceFrom(cropping.before(i))
          : Indices.slice(cropping.before(i), -after);
    }
    return LayerOutput.of(context.tf().stridedSlice(input, index));
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("cropping", cropping.toConfig());
    return cropping.axes() == 1 ? b.build() : b.put("data_format", "channels_last").build();
  }

  /** Reads cropping ({@code fallback} if absent) and data_format (channels_last only). */
  static Margins readCropping(ConfigReader c, int axes, Margins fallback) {
    c.requireDefault("data_format", "channels_last");
    return Margins.read(c, "cropping", axes, fallback);
  }
}
