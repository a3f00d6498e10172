package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The base of Keras's {@code UpSampling1D/2D/3D} on channels-last inputs: each entry of a spatial
 * axis repeated {@code size} times along it (nearest-neighbour upsampling).
 *
 * @param <L> the concrete layer type
 */
public abstract class UpSampling<L extends UpSampling<L>> extends Layer<L> {
  private final int[] size;

  UpSampling(int... size) {
    this.size = Shapes.checkedTuple("size", size.length, false, size);
  }

  /** The upsampling factor of each spatial axis. */
  public int[] size() {
    return size.clone();
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    int rank = size.length + 2;
    Shapes.requireRank(layerName, input, rank, rank);
    long[] dims = input.asArray();
    for (int i = 0; i < size.length; i++) {
      dims[i + 1] = dims[i + 1] < 0 ? -1 : dims[i + 1] * size[i];
    }
    return Shape.of(dims);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(repeat(context.tf(), input));
  }

  /**
   * Each entry repeated {@code size[i]} times along spatial axis {@code i} (Keras's {@code ops.repeat}):
   * a length-1 axis inserted after each spatial axis, tiled to the factor, and merged back.
   */
  Operand<TFloat32> repeat(Ops tf, Operand<TFloat32> x) {
    int n = size.length;
    Operand<TFloat32> y = x;
    int[] multiples = new int[2 * n + 2];
    java.util.Arrays.fill(multiples, 1);
    for (int i = n; i >= 1; i--) {
      y = tf.expandDims(y, tf.constant(i + 1));
      multiples[2 * i] = size[i - 1];
    }
    return tf.reshape(tf.tile(y, tf.constant(multiples)), scaledShape(tf, x));
  }

  /** The shape of {@code x} with each spatial axis multiplied by its factor. */
  Operand<TInt32> scaledShape(Ops tf, Operand<TFloat32> x) {
    int[] factors = new int[size.length + 2];
    java.util.Arrays.fill(factors, 1);
    System.arraycopy(size, 0, factors, 1, size.length);
    return tf.math.mul(tf.shape(x), tf.constant(factors));
  }

  /** {@code size} as Keras writes it: a list for 2D and 3D, then channels_last. */
  Config.Builder sizeConfig() {
    return Config.builder().putInts("size", size).put("data_format", "channels_last");
  }
}
