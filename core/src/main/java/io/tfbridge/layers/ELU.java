package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code ELU} layer: {@code x} for {@code x > 0}, {@code alpha * (exp(x) - 1)} otherwise
 * (default alpha 1).
 *
 * <pre>{@code
 * ELU elu = ELU.of().alpha(0.5);
 * }</pre>
 */
public final class ELU extends ElementwiseLayer<ELU> {
  private double alpha = 1.0;

  private ELU() {}

  /** An ELU with alpha 1. */
  public static ELU of() {
    return new ELU();
  }

  /** A copy with this scale of the negative part (Keras's {@code alpha}). */
  public ELU alpha(double alpha) {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha of an ELU layer must be a finite number. Received: "
          + "alpha=" + alpha);
    }
    ELU copy = copy();
    copy.alpha = alpha;
    return copy;
  }

  /** The scale of the negative part. */
  public double alpha() {
    return alpha;
  }

  @Override
  public String className() {
    return "ELU";
  }

  @Override
  public String namePrefix() {
    return "elu";
  }

  /** {@code elu(x)}; for alpha other than 1 {@code where(x > 0, elu(x), alpha * elu(x))}, as Keras. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TFloat32> elu = tf.nn.elu(input);
    if (alpha == 1) {
      return LayerOutput.of(elu);
    }
    Operand<TFloat32> scaled = tf.math.mul(tf.constant((float) alpha), elu);
    return LayerOutput.of(tf.select(tf.math.greater(input, tf.constant(0f)), elu, scaled));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("alpha", alpha).build();
  }

  /** Reads Keras's ELU config. */
  public static ELU fromConfig(ConfigReader c) {
    return of().alpha(c.getDouble("alpha", 1.0));
  }
}
