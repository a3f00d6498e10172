package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GlobalAveragePooling1D} on channels-last inputs: the mean over the steps of each feature,
 * {@code (batch, steps, features)}, to
 * {@code (batch, channels)}, or with {@code keepdims} to {@code (batch, 1, features)}.
 *
 * <pre>{@code
 * GlobalAveragePooling1D pool = GlobalAveragePooling1D.of();
 * }</pre>
 */
public final class GlobalAveragePooling1D extends Layer<GlobalAveragePooling1D> {
  private boolean keepdims;

  private GlobalAveragePooling1D() {}

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalAveragePooling1D of() {
    return new GlobalAveragePooling1D();
  }

  /** A copy that keeps the pooled axes with length 1 (Keras's {@code keepdims}, default false). */
  public GlobalAveragePooling1D keepdims(boolean keepdims) {
    GlobalAveragePooling1D copy = copy();
    copy.keepdims = keepdims;
    return copy;
  }

  /** Whether the pooled axes are kept with length 1. */
  public boolean keepdims() {
    return keepdims;
  }

  @Override
  public String className() {
    return "GlobalAveragePooling1D";
  }

  @Override
  public String namePrefix() {
    return "global_average_pooling1d";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 3, 3);
    if (keepdims) {
      long[] dims = input.asArray();
      for (int i = 1; i < dims.length - 1; i++) {
        dims[i] = 1;
      }
      return Shape.of(dims);
    }
    return Shape.of(input.get(0), input.get(3 - 1));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    var axes = tf.constant(new int[] {1});
    return LayerOutput.of(tf.math.mean(input, axes, Mean.keepDims(keepdims)));
  }
}
