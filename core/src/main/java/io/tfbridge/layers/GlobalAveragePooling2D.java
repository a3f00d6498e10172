package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GlobalAveragePooling2D} on channels-last inputs: the mean over rows and columns of each
 * channel, {@code (batch, rows, cols, channels)}, to
 * {@code (batch, channels)}, or with {@code keepdims} to {@code (batch, 1, 1, channels)}.
 *
 * <pre>{@code
 * GlobalAveragePooling2D pool = GlobalAveragePooling2D.of();
 * }</pre>
 */
public final class GlobalAveragePooling2D extends Layer<GlobalAveragePooling2D> {
  private boolean keepdims;

  private GlobalAveragePooling2D() {}

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalAveragePooling2D of() {
    return new GlobalAveragePooling2D();
  }

  /** A copy that keeps the pooled axes with length 1 (Keras's {@code keepdims}, default false). */
  public GlobalAveragePooling2D keepdims(boolean keepdims) {
    GlobalAveragePooling2D copy = copy();
    copy.keepdims = keepdims;
    return copy;
  }

  /** Whether the pooled axes are kept with length 1. */
  public boolean keepdims() {
    return keepdims;
  }

  @Override
  public String className() {
    return "GlobalAveragePooling2D";
  }

  @Override
  public String namePrefix() {
    return "global_average_pooling2d";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 4, 4);
    if (keepdims) {
      long[] dims = input.asArray();
      for (int i = 1; i < dims.length - 1; i++) {
        dims[i] = 1;
      }
      return Shape.of(dims);
    }
    return Shape.of(input.get(0), input.get(4 - 1));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    var axes = tf.constant(new int[] {1, 2});
    return LayerOutput.of(tf.math.mean(input, axes, Mean.keepDims(keepdims)));
  }
}
