package io.tfbridge.initializers;

/**
 * Keras's {@code glorot_uniform}: uniform in {@code [-limit, limit]} with {@code limit = sqrt(6 /
 * (fan_in + fan_out))}; the default kernel initializer of Dense, Conv2D and SimpleRNN. The {@link
 * VarianceScaling} preset of scale 1.0, fan_avg, uniform.
 *
 * <pre>{@code
 * Initializer init = GlorotUniform.of();
 * }</pre>
 */
public final class GlorotUniform extends VarianceScaling {
  private static final GlorotUniform INSTANCE = new GlorotUniform();

  private GlorotUniform() {
    super("GlorotUniform", 1.0, Mode.FAN_AVG, Distribution.UNIFORM);
  }

  /** The glorot_uniform initializer. */
  public static GlorotUniform of() {
    return INSTANCE;
  }
}
