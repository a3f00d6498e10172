package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code SpatialDropout2D} on channels-last images: each channel of a sample is dropped for
 * every pixel while training, with probability {@code rate}; kept channels are scaled by {@code 1 /
 * (1 - rate)}. The identity at inference.
 *
 * <pre>{@code
 * SpatialDropout2D dropout = SpatialDropout2D.of(0.2);
 * }</pre>
 */
public final class SpatialDropout2D extends SpatialDropout<SpatialDropout2D> {

  private SpatialDropout2D(double rate) {
    super(4, rate);
  }

  /** Spatial dropout of the given rate, in {@code [0, 1]}. */
  public static SpatialDropout2D of(double rate) {
    return new SpatialDropout2D(rate);
  }

  @Override
  public String className() {
    return "SpatialDropout2D";
  }

  @Override
  public String namePrefix() {
    return "spatial_dropout2d";
  }

  /** Reads Keras's SpatialDropout2D config. */
  public static SpatialDropout2D fromConfig(ConfigReader c) {
    return of(readRate(c));
  }
}
