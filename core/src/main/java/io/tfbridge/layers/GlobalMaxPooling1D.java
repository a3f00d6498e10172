package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code GlobalMaxPooling1D} on channels-last inputs: the maximum over the steps of each
 * feature, {@code (batch, steps, features)} to {@code (batch, features)}, or with {@code keepdims}
 * to {@code (batch, 1, features)}.
 *
 * <pre>{@code
 * GlobalMaxPooling1D pool = GlobalMaxPooling1D.of().keepdims(true);
 * }</pre>
 */
public final class GlobalMaxPooling1D extends GlobalPooling<GlobalMaxPooling1D> {

  private GlobalMaxPooling1D() {
    super(3, PoolingMode.MAX);
  }

  /** The pooling layer, without kept dimensions (Keras's default). */
  public static GlobalMaxPooling1D of() {
    return new GlobalMaxPooling1D();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "GlobalMaxPooling1D";
  }

  @Override
  public String namePrefix() {
    return "global_max_pooling1d";
  }

  /** Reads Keras's GlobalMaxPooling1D config. */
  public static GlobalMaxPooling1D fromConfig(ConfigReader c) {
    return withPoolingOptions(c, of());
  }
}
