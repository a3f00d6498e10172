package io.tfbridge.initializers;

/**
 * Keras's {@code glorot_normal}: a truncated normal with standard deviation {@code sqrt(2 / (fan_in
 * + fan_out))}. The {@link VarianceScaling} preset of scale 1.0, fan_avg, truncated_normal.
 *
 * <pre>{@code
 * Initializer init = GlorotNormal.of();
 * }</pre>
 */
public final class GlorotNormal extends VarianceScaling {
  private static final GlorotNormal INSTANCE = new GlorotNormal();

  private GlorotNormal() {
    super("GlorotNormal", 1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL);
  }

  /** The glorot_normal initializer. */
  public static GlorotNormal of() {
    return INSTANCE;
  }
}
