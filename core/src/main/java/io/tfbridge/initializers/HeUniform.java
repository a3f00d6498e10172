package io.tfbridge.initializers;

/**
 * Keras's {@code he_uniform}: uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 /
 * fan_in)}. The {@link VarianceScaling} preset of scale 2.0, fan_in, uniform.
 *
 * <pre>{@code
 * Initializer init = HeUniform.of();
 * }</pre>
 */
public final class HeUniform extends VarianceScaling {
  private static final HeUniform INSTANCE = new HeUniform();

  private HeUniform() {
    super("HeUniform", 2.0, Mode.FAN_IN, Distribution.UNIFORM);
  }

  /** The he_uniform initializer. */
  public static HeUniform of() {
    return INSTANCE;
  }
}
