package io.tfbridge.layers;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The reduction of a pooling layer, windowed ({@link Pooling}) or global ({@link GlobalPooling}),
 * on channels-last inputs with one, two or three spatial axes. Windowed averages leave
 * {@code "same"} padding out of each mean, as TensorFlow's AvgPool does for Keras.
 */
enum PoolingMode {
  /** The maximum of each window. */
  MAX,
  /** The mean of each window. */
  AVERAGE;

  /**
   * Pools {@code x} ({@code (batch, spatial..., channels)}) over windows of {@code window}, moved by
   * {@code strides}; one spatial axis is pooled as a 2D input of one row.
   */
  Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, int[] window, int[] strides, Padding padding) {
    return switch (window.length) {
      case 1 -> tf.squeeze(pool(tf, tf.expandDims(x, tf.constant(1)), new int[] {1, window[0]},
          new int[] {1, strides[0]}, padding), Squeeze.axis(List.of(1L)));
      case 2, 3 -> poolNd(tf, x, nhwc(window), nhwc(strides), padding.tfName());
      default -> throw new IllegalArgumentException("pooling over " + window.length + " axes");
    };
  }

  private Operand<TFloat32> poolNd(
      Ops tf, Operand<TFloat32> x, List<Long> window, List<Long> strides, String padding) {
    boolean twoD = window.size() == 4;
    if (this == MAX) {
      return twoD
          ? maxPool2d(tf, x, window, strides, padding)
          : tf.nn.maxPool3d(x, window, strides, padding);
    }
    return twoD ? tf.nn.avgPool(x, window, strides, padding) : tf.nn.avgPool3d(x, window, strides, padding);
  }

  /**
   * TensorFlow's {@code MaxPool} op, whose window and strides are attributes, rather than TF Java's
   * {@code tf.nn.maxPool} ({@code MaxPoolV2}, tensors): oneDNN's graph rewrite takes only the former,
   * so that the pooling and its gradient run on oneDNN (1.3x the lesson CNN's float32 training, and
   * bfloat16 pooling fast at all) rather than on Eigen. The same values either way.
   */
  private static Operand<TFloat32> maxPool2d(
      Ops tf, Operand<TFloat32> x, List<Long> window, List<Long> strides, String padding) {
    return tf.scope().opBuilder("MaxPool", "MaxPool").addInput(x.asOutput())
        .setAttr("ksize", window.stream().mapToLong(Long::longValue).toArray())
        .setAttr("strides", strides.stream().mapToLong(Long::longValue).toArray())
        .setAttr("padding", padding).build().<TFloat32>output(0);
  }

  /** The reduction over {@code axes} of {@code x}, keeping them with length 1 if {@code keep}. */
  Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> x, Operand<TInt32> axes, boolean keep) {
    return this == MAX ? tf.reduceMax(x, axes, ReduceMax.keepDims(keep))
        : tf.math.mean(x, axes, Mean.keepDims(keep));
  }

  /** {@code [1, sizes..., 1]}, the layout TensorFlow's channels-last pooling ops take. */
  private static List<Long> nhwc(int[] sizes) {
    Long[] all = new Long[sizes.length + 2];
    Arrays.fill(all, 1L);
    for (int i = 0; i < sizes.length; i++) {
      all[i + 1] = (long) sizes[i];
    }
    return List.of(all);
  }
}
