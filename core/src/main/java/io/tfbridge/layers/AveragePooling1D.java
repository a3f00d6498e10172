package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code AveragePooling1D} on channels-last sequences {@code (batch, steps, features)}: the
 * mean of each window of steps; strides default to the pool size. With {@code "same"} padding only
 * the real steps of a window are averaged, as in Keras.
 *
 * <pre>{@code
 * AveragePooling1D pool = AveragePooling1D.of(3).strides(2).padding("same");
 * }</pre>
 */
public final class AveragePooling1D extends Pooling<AveragePooling1D> {

  private AveragePooling1D(int poolSize) {
    super(PoolingMode.AVERAGE, poolSize);
  }

  /** Averaging over windows of {@code poolSize} steps (Keras's {@code pool_size}; no default). */
  public static AveragePooling1D of(int poolSize) {
    return new AveragePooling1D(poolSize);
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "AveragePooling1D";
  }

  @Override
  public String namePrefix() {
    return "average_pooling1d";
  }

  /** Reads Keras's AveragePooling1D config. */
  public static AveragePooling1D fromConfig(ConfigReader c) {
    return fromPoolingConfig(c, 1, null, p -> of(p[0]));
  }
}
