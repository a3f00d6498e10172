package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Cropping1D}: entries removed at both ends of the steps of {@code (batch, steps,
 * features)}. Keras's Cropping1D has no {@code data_format}.
 *
 * <pre>{@code
 * Cropping1D layer = Cropping1D.of(1, 2);
 * }</pre>
 */
public final class Cropping1D extends Cropping<Cropping1D> {

  private Cropping1D(Margins cropping) {
    super(cropping);
  }

  /** Keras's default: 1 at both ends of every axis. */
  public static Cropping1D of() {
    return new Cropping1D(Margins.uniform("cropping", 1, 1));
  }

  /** {@code cropping} at both ends of every axis (Keras's {@code cropping=int}). */
  public static Cropping1D of(int cropping) {
    return new Cropping1D(Margins.uniform("cropping", 1, cropping));
  }

  /** {@code before} steps at the start, {@code after} at the end (Keras's pair). */
  public static Cropping1D of(int before, int after) {
    return new Cropping1D(Margins.of("cropping", 1, new int[][] {{before, after}}));
  }

  @Override
  public String className() {
    return "Cropping1D";
  }

  @Override
  public String namePrefix() {
    return "cropping1d";
  }

  /** Reads Keras's Cropping1D config. */
  public static Cropping1D fromConfig(ConfigReader c) {
    return new Cropping1D(readCropping(c, 1, Margins.uniform("cropping", 1, 1)));
  }
}
