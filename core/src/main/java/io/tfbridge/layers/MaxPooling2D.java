package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MaxPooling2D} on channels-last images; strides default to the pool size.
 *
 * <pre>{@code
 * MaxPooling2D pool = MaxPooling2D.of(2, 2);
 * }</pre>
 */
public final class MaxPooling2D extends Pooling2D<MaxPooling2D> {

  private MaxPooling2D(Window poolSize) {
    super(poolSize);
  }

  /** Pooling over {@code rows x cols} windows (Keras's {@code pool_size}). */
  public static MaxPooling2D of(int rows, int cols) {
    return new MaxPooling2D(Window.of("pool_size", rows, cols));
  }

  /** Keras's default: 2 x 2 windows. */
  public static MaxPooling2D of() {
    return of(2, 2);
  }

  @Override
  public String className() {
    return "MaxPooling2D";
  }

  @Override
  public String namePrefix() {
    return "max_pooling2d";
  }

  @Override
  protected Operand<TFloat32> pool(Ops tf, Operand<TFloat32> input) {
    return tf.nn.maxPool(input, tf.constant(ints(poolSize())), tf.constant(ints(strides())),
        padding().tfName());
  }

  private static int[] ints(Window w) {
    return new int[] {1, w.rows(), w.cols(), 1};
  }

  /** Reads Keras's MaxPooling2D config. */
  public static MaxPooling2D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, MaxPooling2D::of);
  }
}
