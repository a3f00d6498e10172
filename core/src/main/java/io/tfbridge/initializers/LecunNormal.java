package io.tfbridge.initializers;

/**
 * Keras's {@code lecun_normal}: a truncated normal with standard deviation {@code sqrt(1 /
 * fan_in)}. The {@link VarianceScaling} preset of scale 1.0, fan_in, truncated_normal.
 *
 * <pre>{@code
 * Initializer init = LecunNormal.of();
 * }</pre>
 */
public final class LecunNormal extends VarianceScaling {
  private static final LecunNormal INSTANCE = new LecunNormal();

  private LecunNormal() {
    super("LecunNormal", 1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
  }

  /** The lecun_normal initializer. */
  public static LecunNormal of() {
    return INSTANCE;
  }
}
