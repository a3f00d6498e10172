package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code GlobalAveragePooling1D} on channels-last inputs: the mean over the steps of each
 * feature, {@code (batch, steps, features)} to {@code (batch, features)}, or with {@code keepdims}
 * to {@code (batch, 1, features)}.
 *
 * <pre>{@code
 * GlobalAveragePooling1D pool = GlobalAveragePooling1D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalAveragePooling1D extends GlobalPooling<GlobalAveragePooling1D> {

  private GlobalAveragePooling1D() {
    super(3, PoolingMode.AVERAGE);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalAveragePooling1D of() {
    return new GlobalAveragePooling1D();
  }

  @Override
  public String className() {
    return "GlobalAveragePooling1D";
  }

  @Override
  public String namePrefix() {
    return "global_average_pooling1d";
  }

  /** Reads Keras's GlobalAveragePooling1D config. */
  public static GlobalAveragePooling1D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }
}
