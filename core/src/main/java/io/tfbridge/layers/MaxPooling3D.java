package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code MaxPooling3D} on channels-last volumes {@code (batch, dim1, dim2, dim3,
 * channels)}: the maximum of each window; strides default to the pool size.
 *
 * <pre>{@code
 * MaxPooling3D pool = MaxPooling3D.of(2, 2, 1);
 * }</pre>
 */
public final class MaxPooling3D extends Pooling<MaxPooling3D> {

  private MaxPooling3D(int d1, int d2, int d3) {
    super(PoolingMode.MAX, d1, d2, d3);
  }

  /** Pooling over {@code d1 x d2 x d3} windows (Keras's {@code pool_size}). */
  public static MaxPooling3D of(int d1, int d2, int d3) {
    return new MaxPooling3D(d1, d2, d3);
  }

  /** Keras's default: 2 x 2 x 2 windows. */
  public static MaxPooling3D of() {
    return of(2, 2, 2);
  }

  @Override
  public String className() {
    return "MaxPooling3D";
  }

  @Override
  public String namePrefix() {
    return "max_pooling3d";
  }

  /** Reads Keras's MaxPooling3D config. */
  public static MaxPooling3D fromConfig(ConfigReader c) {
    return fromPoolingConfig(c, 3, new int[] {2, 2, 2}, p -> of(p[0], p[1], p[2]));
  }
}
