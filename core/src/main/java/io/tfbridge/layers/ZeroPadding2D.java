package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code ZeroPadding2D}: zeros added at both ends of the rows and columns of channels-last
 * images.
 *
 * <pre>{@code
 * ZeroPadding2D layer = ZeroPadding2D.of(new int[][] {{1, 2}, {0, 1}});
 * }</pre>
 */
public final class ZeroPadding2D extends ZeroPadding<ZeroPadding2D> {

  private ZeroPadding2D(Margins padding) {
    super(padding);
  }

  /** Keras's default: 1 at both ends of every axis. */
  public static ZeroPadding2D of() {
    return new ZeroPadding2D(Margins.uniform("padding", 2, 1));
  }

  /** {@code padding} at both ends of every axis (Keras's {@code padding=int}). */
  public static ZeroPadding2D of(int padding) {
    return new ZeroPadding2D(Margins.uniform("padding", 2, padding));
  }

  /** The same amount at both ends of each axis, one per axis (Keras's tuple of 2 integers). */
  public static ZeroPadding2D of(int rows, int cols) {
    return new ZeroPadding2D(Margins.symmetric("padding", rows, cols));
  }

  /** {@code {{before, after}, ...}}: one pair per axis (Keras's tuple of 2 pairs). */
  public static ZeroPadding2D of(int[][] padding) {
    return new ZeroPadding2D(Margins.of("padding", 2, padding));
  }

  @Override
  public String className() {
    return "ZeroPadding2D";
  }

  @Override
  public String namePrefix() {
    return "zero_padding2d";
  }

  /** Reads Keras's ZeroPadding2D config. */
  public static ZeroPadding2D fromConfig(ConfigReader c) {
    return new ZeroPadding2D(readPadding(c, 2, Margins.uniform("padding", 2, 1)));
  }
}
