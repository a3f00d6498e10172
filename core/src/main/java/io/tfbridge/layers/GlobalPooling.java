package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * What Keras's global pooling layers share: a reduction over every axis between the batch and the
 * channels of a channels-last input, and {@code keepdims} (default false) to keep those axes with
 * length 1.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class GlobalPooling<L extends GlobalPooling<L>> extends Layer<L> {
  private final int rank;
  private final PoolingMode mode;
  private boolean keepdims;

  GlobalPooling(int rank, PoolingMode mode) {
    this.rank = rank;
    this.mode = mode;
  }

  /** A copy that keeps the pooled axes with length 1 (Keras's {@code keepdims}, default false). */
  public L keepdims(boolean keepdims) {
    L copy = copy();
    ((GlobalPooling<L>) copy).keepdims = keepdims;
    return copy;
  }

  /** Whether the pooled axes are kept with length 1. */
  public boolean keepdims() {
    return keepdims;
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, rank, rank);
    if (keepdims) {
      long[] dims = input.asArray();
      for (int i = 1; i < dims.length - 1; i++) {
        dims[i] = 1;
      }
      return Shape.of(dims);
    }
    return Shape.of(input.get(0), input.get(rank - 1));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    int[] axes = new int[rank - 2];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 1;
    }
    var tf = context.tf();
    return LayerOutput.of(mode.reduce(tf, input, tf.constant(axes), keepdims));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("data_format", "channels_last").put("keepdims", keepdims).build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads data_format (channels_last) and keepdims into {@code layer}. */
  static <L extends GlobalPooling<L>> L withPoolingOptions(ConfigReader c, L layer) {
    c.requireDefault("data_format", "channels_last");
    return layer.keepdims(c.getBool("keepdims", false));
  }
}
