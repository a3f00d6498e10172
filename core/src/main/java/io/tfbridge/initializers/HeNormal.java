package io.tfbridge.initializers;

/**
 * Keras's {@code he_normal}: a truncated normal with standard deviation {@code sqrt(2 / fan_in)}.
 * The {@link VarianceScaling} preset of scale 2.0, fan_in, truncated_normal.
 *
 * <pre>{@code
 * Initializer init = HeNormal.of();
 * }</pre>
 */
public final class HeNormal extends VarianceScaling {
  private static final HeNormal INSTANCE = new HeNormal();

  private HeNormal() {
    super("HeNormal", 2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
  }

  /** The he_normal initializer. */
  public static HeNormal of() {
    return INSTANCE;
  }
}
