package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code GlobalMaxPooling3D} on channels-last inputs: the maximum over the three spatial
 * axes of each channel, {@code (batch, d1, d2, d3, channels)} to {@code (batch, channels)}, or with
 * {@code keepdims} to {@code (batch, 1, 1, 1, channels)}.
 *
 * <pre>{@code
 * GlobalMaxPooling3D pool = GlobalMaxPooling3D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalMaxPooling3D extends GlobalPooling<GlobalMaxPooling3D> {

  private GlobalMaxPooling3D() {
    super(5, PoolingMode.MAX);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalMaxPooling3D of() {
    return new GlobalMaxPooling3D();
  }

  @Override
  public String className() {
    return "GlobalMaxPooling3D";
  }

  @Override
  public String namePrefix() {
    return "global_max_pooling3d";
  }

  /** Reads Keras's GlobalMaxPooling3D config. */
  public static GlobalMaxPooling3D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }
}
