package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Cropping3D}: entries removed at both ends of the three spatial axes of
 * channels-last volumes.
 *
 * <pre>{@code
 * Cropping3D layer = Cropping3D.of(new int[][] {{1, 2}, {0, 1}, {2, 0}});
 * }</pre>
 */
public final class Cropping3D extends Cropping<Cropping3D> {

  private Cropping3D(Margins cropping) {
    super(cropping);
  }

  /** Keras's default: 1 at both ends of every axis. */
  public static Cropping3D of() {
    return new Cropping3D(Margins.uniform("cropping", 3, 1));
  }

  /** {@code cropping} at both ends of every axis (Keras's {@code cropping=int}). */
  public static Cropping3D of(int cropping) {
    return new Cropping3D(Margins.uniform("cropping", 3, cropping));
  }

  /** The same amount at both ends of each axis, one per axis (Keras's tuple of 3 integers). */
  public static Cropping3D of(int d1, int d2, int d3) {
    return new Cropping3D(Margins.symmetric("cropping", d1, d2, d3));
  }

  /** {@code {{before, after}, ...}}: one pair per axis (Keras's tuple of 3 pairs). */
  public static Cropping3D of(int[][] cropping) {
    return new Cropping3D(Margins.of("cropping", 3, cropping));
  }

  @Override
  public String className() {
    return "Cropping3D";
  }

  @Override
  public String namePrefix() {
    return "cropping3d";
  }

  /** Reads Keras's Cropping3D config. */
  public static Cropping3D fromConfig(ConfigReader c) {
    return new Cropping3D(readCropping(c, 3, Margins.uniform("cropping", 3, 1)));
  }
}
