package io.tfbridge.initializers;

/**
 * Keras's {@code lecun_uniform}: uniform in {@code [-limit, limit]} with {@code limit = sqrt(3 /
 * fan_in)}. The {@link VarianceScaling} preset of scale 1.0, fan_in, uniform.
 *
 * <pre>{@code
 * Initializer init = LecunUniform.of();
 * }</pre>
 */
public final class LecunUniform extends VarianceScaling {
  private static final LecunUniform INSTANCE = new LecunUniform();

  private LecunUniform() {
    super("LecunUniform", 1.0, Mode.FAN_IN, Distribution.UNIFORM);
  }

  /** The lecun_uniform initializer. */
  public static LecunUniform of() {
    return INSTANCE;
  }
}
