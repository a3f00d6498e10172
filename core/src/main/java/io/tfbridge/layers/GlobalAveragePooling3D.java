package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code GlobalAveragePooling3D} on channels-last inputs: the mean over the three spatial
 * axes of each channel, {@code (batch, d1, d2, d3, channels)} to {@code (batch, channels)}, or with
 * {@code keepdims} to {@code (batch, 1, 1, 1, channels)}.
 *
 * <pre>{@code
 * GlobalAveragePooling3D pool = GlobalAveragePooling3D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalAveragePooling3D extends GlobalPooling<GlobalAveragePooling3D> {

  private GlobalAveragePooling3D() {
    super(5, PoolingMode.AVERAGE);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalAveragePooling3D of() {
    return new GlobalAveragePooling3D();
  }

  @Override
  public String className() {
    return "GlobalAveragePooling3D";
  }

  @Override
  public String namePrefix() {
    return "global_average_pooling3d";
  }

  /** Reads Keras's GlobalAveragePooling3D config. */
  public static GlobalAveragePooling3D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }
}
