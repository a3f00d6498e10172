package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code AveragePooling3D} on channels-last volumes {@code (batch, dim1, dim2, dim3,
 * channels)}: the mean of each window; strides default to the pool size; {@code "same"} padding
 * averages only the real entries of a window.
 *
 * <pre>{@code
 * AveragePooling3D pool = AveragePooling3D.of(2, 2, 2).padding("same");
 * }</pre>
 */
public final class AveragePooling3D extends Pooling<AveragePooling3D> {

  private AveragePooling3D(int d1, int d2, int d3) {
    super(PoolingMode.AVERAGE, d1, d2, d3);
  }

  /** Averaging over {@code d1 x d2 x d3} windows (Keras's {@code pool_size}; no default). */
  public static AveragePooling3D of(int d1, int d2, int d3) {
    return new AveragePooling3D(d1, d2, d3);
  }

  @Override
  public String className() {
    return "AveragePooling3D";
  }

  @Override
  public String namePrefix() {
    return "average_pooling3d";
  }

  /** Reads Keras's AveragePooling3D config. */
  public static AveragePooling3D fromConfig(ConfigReader c) {
    return fromPoolingConfig(c, 3, null, p -> of(p[0], p[1], p[2]));
  }
}
