package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code SpatialDropout1D} on {@code (batch, steps, features)}: each feature of a sample is
 * dropped for every step while training, with probability {@code rate}; kept channels are scaled by
 * {@code 1 / (1 - rate)}. The identity at inference.
 *
 * <pre>{@code
 * SpatialDropout1D dropout = SpatialDropout1D.of(0.2);
 * }</pre>
 */
public final class SpatialDropout1D extends SpatialDropout<SpatialDropout1D> {

  private SpatialDropout1D(double rate) {
    super(3, rate);
  }

  /** Spatial dropout of the given rate, in {@code [0, 1]}. */
  public static SpatialDropout1D of(double rate) {
    return new SpatialDropout1D(rate);
  }

  @Override
  public String className() {
    return "SpatialDropout1D";
  }

  @Override
  public String namePrefix() {
    return "spatial_dropout1d";
  }

  /** Reads Keras's SpatialDropout1D config. */
  public static SpatialDropout1D fromConfig(ConfigReader c) {
    return of(readRate(c));
  }
}
