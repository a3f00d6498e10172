package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code AveragePooling2D} on channels-last images: the mean of each window; strides
 * default to the pool size. With {@code "same"} padding the padded positions are left out of each
 * average (TensorFlow's AvgPool, as Keras's TensorFlow backend).
 *
 * <pre>{@code
 * AveragePooling2D pool = AveragePooling2D.of(2, 2).padding("same");
 * }</pre>
 */
public final class AveragePooling2D extends Pooling<AveragePooling2D> {

  private AveragePooling2D(int rows, int cols) {
    super(PoolingMode.AVERAGE, rows, cols);
  }

  /** Averaging over {@code rows x cols} windows (Keras's {@code pool_size}; Keras has no default). */
  public static AveragePooling2D of(int rows, int cols) {
    return new AveragePooling2D(rows, cols);
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "AveragePooling2D";
  }

  @Override
  public String namePrefix() {
    return "average_pooling2d";
  }

  /** Reads Keras's AveragePooling2D config. */
  public static AveragePooling2D fromConfig(ConfigReader c) {
    return fromPoolingConfig(c, 2, null, p -> of(p[0], p[1]));
  }
}
