package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code GlobalMaxPooling2D} on channels-last inputs: the maximum over rows and columns of
 * each channel, {@code (batch, rows, cols, channels)} to {@code (batch, channels)}, or with
 * {@code keepdims} to {@code (batch, 1, 1, channels)}.
 *
 * <pre>{@code
 * GlobalMaxPooling2D pool = GlobalMaxPooling2D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalMaxPooling2D extends GlobalPooling<GlobalMaxPooling2D> {

  private GlobalMaxPooling2D() {
    super(4, PoolingMode.MAX);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalMaxPooling2D of() {
    return new GlobalMaxPooling2D();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "GlobalMaxPooling2D";
  }

  @Override
  public String namePrefix() {
    return "global_max_pooling2d";
  }

  /** Reads Keras's GlobalMaxPooling2D config. */
  public static GlobalMaxPooling2D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }
}
