package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Cropping2D}: entries removed at both ends of the rows and columns of channels-last
 * images.
 *
 * <pre>{@code
 * Cropping2D layer = Cropping2D.of(new int[][] {{1, 2}, {0, 1}});
 * }</pre>
 */
public final class Cropping2D extends Cropping<Cropping2D> {

  private Cropping2D(Margins cropping) {
    super(cropping);
  }

  /** Keras's default: 0 at both ends of every axis. */
  public static Cropping2D of() {
    return new Cropping2D(Margins.uniform("cropping", 2, 0));
  }

  /** {@code cropping} at both ends of every axis (Keras's {@code cropping=int}). */
  public static Cropping2D of(int cropping) {
    return new Cropping2D(Margins.uniform("cropping", 2, cropping));
  }

  /** The same amount at both ends of each axis, one per axis (Keras's tuple of 2 integers). */
  public static Cropping2D of(int rows, int cols) {
    return new Cropping2D(Margins.symmetric("cropping", rows, cols));
  }

  /** {@code {{before, after}, ...}}: one pair per axis (Keras's tuple of 2 pairs). */
  public static Cropping2D of(int[][] cropping) {
    return new Cropping2D(Margins.of("cropping", 2, cropping));
  }

  @Override
  public String className() {
    return "Cropping2D";
  }

  @Override
  public String namePrefix() {
    return "cropping2d";
  }

  /** Reads Keras's Cropping2D config. */
  public static Cropping2D fromConfig(ConfigReader c) {
    return new Cropping2D(readCropping(c, 2, Margins.uniform("cropping", 2, 0)));
  }
}
