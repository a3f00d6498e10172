package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code LeakyReLU} layer: {@code x} for {@code x >= 0}, {@code negative_slope * x} otherwise
 * (default slope 0.3, unlike the {@code "leaky_relu"} activation's 0.2). Keras 2 configs named the slope
 * {@code alpha}; both are read.
 *
 * <pre>{@code
 * LeakyReLU leaky = LeakyReLU.of().negativeSlope(0.1);
 * }</pre>
 */
public final class LeakyReLU extends ElementwiseLayer<LeakyReLU> {
  private double negativeSlope = 0.3;

  private LeakyReLU() {}

  /** A leaky ReLU with Keras's default slope 0.3. */
  public static LeakyReLU of() {
    return new LeakyReLU();
  }

  /** A copy with this slope for negative inputs (Keras's {@code negative_slope}, >= 0). */
  public LeakyReLU negativeSlope(double negativeSlope) {
    if (!(negativeSlope >= 0)) {
      throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be "
          + "None or negative value. Expected a float. Received: negative_slope=" + negativeSlope);
    }
    LeakyReLU copy = copy();
    copy.negativeSlope = negativeSlope;
    return copy;
  }

  /** The slope for negative inputs. */
  public double negativeSlope() {
    return negativeSlope;
  }

  @Override
  public String className() {
    return "LeakyReLU";
  }

  @Override
  public String namePrefix() {
    return "leaky_re_lu";
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(ReLU.relu(context.tf(), input, negativeSlope, null, 0));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("negative_slope", negativeSlope).build();
  }

  /** Reads Keras's LeakyReLU config: {@code negative_slope}, or Keras 2's {@code alpha}. */
  public static LeakyReLU fromConfig(ConfigReader c) {
    double slope = c.has("alpha") ? c.getDouble("alpha") : c.getDouble("negative_slope", 0.3);
    return of().negativeSlope(slope);
  }
}
