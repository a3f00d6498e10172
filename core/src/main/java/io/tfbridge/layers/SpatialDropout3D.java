package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code SpatialDropout3D} on channels-last volumes: each channel of a sample is dropped
 * for every voxel while training, with probability {@code rate}; kept channels are scaled by
 * {@code 1 / (1 - rate)}. The identity at inference.
 *
 * <pre>{@code
 * SpatialDropout3D dropout = SpatialDropout3D.of(0.2);
 * }</pre>
 */
public final class SpatialDropout3D extends SpatialDropout<SpatialDropout3D> {

  private SpatialDropout3D(double rate) {
    super(5, rate);
  }

  /** Spatial dropout of the given rate, in {@code [0, 1]}. */
  public static SpatialDropout3D of(double rate) {
    return new SpatialDropout3D(rate);
  }

  @Override
  public String className() {
    return "SpatialDropout3D";
  }

  @Override
  public String namePrefix() {
    return "spatial_dropout3d";
  }

  /** Reads Keras's SpatialDropout3D config. */
  public static SpatialDropout3D fromConfig(ConfigReader c) {
    return of(readRate(c));
  }
}
