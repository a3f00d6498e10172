package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code ZeroPadding3D}: zeros added at both ends of the three spatial axes of
 * channels-last volumes.
 *
 * <pre>{@code
 * ZeroPadding3D layer = ZeroPadding3D.of(new int[][] {{1, 2}, {0, 1}, {2, 0}});
 * }</pre>
 */
public final class ZeroPadding3D extends ZeroPadding<ZeroPadding3D> {

  private ZeroPadding3D(Margins padding) {
    super(padding);
  }

  /** Keras's default: 1 at both ends of every axis. */
  public static ZeroPadding3D of() {
    return new ZeroPadding3D(Margins.uniform("padding", 3, 1));
  }

  /** {@code padding} at both ends of every axis (Keras's {@code padding=int}). */
  public static ZeroPadding3D of(int padding) {
    return new ZeroPadding3D(Margins.uniform("padding", 3, padding));
  }

  /** The same amount at both ends of each axis, one per axis (Keras's tuple of 3 integers). */
  public static ZeroPadding3D of(int d1, int d2, int d3) {
    return new ZeroPadding3D(Margins.symmetric("padding", d1, d2, d3));
  }

  /** {@code {{before, after}, ...}}: one pair per axis (Keras's tuple of 3 pairs). */
  public static ZeroPadding3D of(int[][] padding) {
    return new ZeroPadding3D(Margins.of("padding", 3, padding));
  }

  @Override
  public String className() {
    return "ZeroPadding3D";
  }

  @Override
  public String namePrefix() {
    return "zero_padding3d";
  }

  /** Reads Keras's ZeroPadding3D config. */
  public static ZeroPadding3D fromConfig(ConfigReader c) {
    return new ZeroPadding3D(readPadding(c, 3, Margins.uniform("padding", 3, 1)));
  }
}
