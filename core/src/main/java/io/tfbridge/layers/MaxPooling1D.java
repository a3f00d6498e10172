package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code MaxPooling1D} on channels-last sequences {@code (batch, steps, features)}: the
 * maximum of each window of steps; strides default to the pool size.
 *
 * <pre>{@code
 * MaxPooling1D pool = MaxPooling1D.of(3).strides(2).padding("same");
 * }</pre>
 */
public final class MaxPooling1D extends Pooling<MaxPooling1D> {

  private MaxPooling1D(int poolSize) {
    super(PoolingMode.MAX, poolSize);
  }

  /** Pooling over windows of {@code poolSize} steps (Keras's {@code pool_size}). */
  public static MaxPooling1D of(int poolSize) {
    return new MaxPooling1D(poolSize);
  }

  /** Keras's default: windows of 2 steps. */
  public static MaxPooling1D of() {
    return of(2);
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "MaxPooling1D";
  }

  @Override
  public String namePrefix() {
    return "max_pooling1d";
  }

  /** Reads Keras's MaxPooling1D config. */
  public static MaxPooling1D fromConfig(ConfigReader c) {
    return fromPoolingConfig(c, 1, new int[] {2}, p -> of(p[0]));
  }
}
