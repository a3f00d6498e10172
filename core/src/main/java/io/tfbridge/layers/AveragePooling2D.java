package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code AveragePooling2D} on channels-last images; strides default to the pool size. With
 * {@code "same"} padding the padded positions are left out of each average (TensorFlow's AvgPool, as
 * Keras's TensorFlow backend).
 *
 * <pre>{@code
 * AveragePooling2D pool = AveragePooling2D.of(2, 2);
 * }</pre>
 */
public final class AveragePooling2D extends Pooling2D<AveragePooling2D> {

  private AveragePooling2D(Window poolSize) {
    super(poolSize);
  }

  /** Averaging over {@code rows x cols} windows (Keras's {@code pool_size}; Keras has no default). */
  public static AveragePooling2D of(int rows, int cols) {
    return new AveragePooling2D(Window.of("pool_size", rows, cols));
  }

  @Override
  public String className() {
    return "AveragePooling2D";
  }

  @Override
  public String namePrefix() {
    return "average_pooling2d";
  }

  @Override
  protected Operand<TFloat32> pool(Ops tf, Operand<TFloat32> input) {
    return tf.nn.avgPool(input, poolSize().asNhwc(), strides().asNhwc(), padding().tfName());
  }

  /** Reads Keras's AveragePooling2D config. */
  public static AveragePooling2D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, AveragePooling2D::of);
  }
}
