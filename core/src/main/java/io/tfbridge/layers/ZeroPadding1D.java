package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code ZeroPadding1D}: zeros added at both ends of the steps of {@code (batch, steps,
 * features)}.
 *
 * <pre>{@code
 * ZeroPadding1D layer = ZeroPadding1D.of(1, 2);
 * }</pre>
 */
public final class ZeroPadding1D extends ZeroPadding<ZeroPadding1D> {

  private ZeroPadding1D(Margins padding) {
    super(padding);
  }

  /** Keras's default: 1 at both ends of every axis. */
  public static ZeroPadding1D of() {
    return new ZeroPadding1D(Margins.uniform("padding", 1, 1));
  }

  /** {@code padding} at both ends of every axis (Keras's {@code padding=int}). */
  public static ZeroPadding1D of(int padding) {
    return new ZeroPadding1D(Margins.uniform("padding", 1, padding));
  }

  /** {@code before} steps at the start, {@code after} at the end (Keras's pair). */
  public static ZeroPadding1D of(int before, int after) {
    return new ZeroPadding1D(Margins.of("padding", 1, new int[][] {{before, after}}));
  }

  @Override
  public String className() {
    return "ZeroPadding1D";
  }

  @Override
  public String namePrefix() {
    return "zero_padding1d";
  }

  /** Reads Keras's ZeroPadding1D config. */
  public static ZeroPadding1D fromConfig(ConfigReader c) {
    return new ZeroPadding1D(readPadding(c, 1, Margins.uniform("padding", 1, 1)));
  }
}
