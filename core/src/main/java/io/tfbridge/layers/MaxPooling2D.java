package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code MaxPooling2D} on channels-last images: the maximum of each window; strides default
 * to the pool size.
 *
 * <pre>{@code
 * MaxPooling2D pool = MaxPooling2D.of(2, 2).strides(1, 1).padding("same");
 * }</pre>
 */
public final class MaxPooling2D extends Pooling<MaxPooling2D> {

  private MaxPooling2D(int rows, int cols) {
    super(PoolingMode.MAX, rows, cols);
  }

  /** Pooling over {@code rows x cols} windows (Keras's {@code pool_size}). */
  public static MaxPooling2D of(int rows, int cols) {
    return new MaxPooling2D(rows, cols);
  }

  /** Keras's default: 2 x 2 windows. */
  public static MaxPooling2D of() {
    return of(2, 2);
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "MaxPooling2D";
  }

  @Override
  public String namePrefix() {
    return "max_pooling2d";
  }

  /** Reads Keras's MaxPooling2D config. */
  public static MaxPooling2D fromConfig(ConfigReader c) {
    return fromPoolingConfig(c, 2, new int[] {2, 2}, p -> of(p[0], p[1]));
  }
}
