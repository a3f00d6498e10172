package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code GlobalAveragePooling2D} on channels-last inputs: the mean over rows and columns of
 * each channel, {@code (batch, rows, cols, channels)} to {@code (batch, channels)}, or with
 * {@code keepdims} to {@code (batch, 1, 1, channels)}.
 *
 * <pre>{@code
 * GlobalAveragePooling2D pool = GlobalAveragePooling2D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalAveragePooling2D extends GlobalPooling<GlobalAveragePooling2D> {

  private GlobalAveragePooling2D() {
    super(4, PoolingMode.AVERAGE);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalAveragePooling2D of() {
    return new GlobalAveragePooling2D();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "GlobalAveragePooling2D";
  }

  @Override
  public String namePrefix() {
    return "global_average_pooling2d";
  }

  /** Reads Keras's GlobalAveragePooling2D config. */
  public static GlobalAveragePooling2D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }
}
