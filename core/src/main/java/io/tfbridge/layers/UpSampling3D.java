package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code UpSampling3D} on channels-last volumes: each entry repeated {@code size[i]} times
 * along spatial axis {@code i}.
 *
 * <pre>{@code
 * UpSampling3D up = UpSampling3D.of(2, 1, 3);
 * }</pre>
 */
public final class UpSampling3D extends UpSampling<UpSampling3D> {

  private UpSampling3D(int d1, int d2, int d3) {
    super(d1, d2, d3);
  }

  /** The factors of the three spatial axes (Keras's {@code size}). */
  public static UpSampling3D of(int d1, int d2, int d3) {
    return new UpSampling3D(d1, d2, d3);
  }

  /** Keras's default: twice along each axis. */
  public static UpSampling3D of() {
    return of(2, 2, 2);
  }

  @Override
  public String className() {
    return "UpSampling3D";
  }

  @Override
  public String namePrefix() {
    return "up_sampling3d";
  }

  @Override
  public Config getConfig() {
    return sizeConfig().build();
  }

  /** Reads Keras's UpSampling3D config (channels_last only). */
  public static UpSampling3D fromConfig(ConfigReader c) {
    c.requireDefault("data_format", "channels_last");
    int[] size = c.getInts("size", 3, new int[] {2, 2, 2});
    return of(size[0], size[1], size[2]);
  }
}
