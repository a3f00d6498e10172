package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code UpSampling1D}: each step of {@code (batch, steps, features)} repeated {@code size}
 * times, giving {@code (batch, steps * size, features)}.
 *
 * <pre>{@code
 * UpSampling1D up = UpSampling1D.of(3);
 * }</pre>
 */
public final class UpSampling1D extends UpSampling<UpSampling1D> {

  private UpSampling1D(int size) {
    super(size);
  }

  /** Repeats each step {@code size} times (Keras's {@code size}, a positive integer). */
  public static UpSampling1D of(int size) {
    return new UpSampling1D(size);
  }

  /** Keras's default: each step twice. */
  public static UpSampling1D of() {
    return of(2);
  }

  @Override
  public String className() {
    return "UpSampling1D";
  }

  @Override
  public String namePrefix() {
    return "up_sampling1d";
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("size", size()[0]).build();
  }

  /** Reads Keras's UpSampling1D config. */
  public static UpSampling1D fromConfig(ConfigReader c) {
    return of(c.getInt("size", 2));
  }
}
