package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code ReLU} layer: {@code max_value} for {@code x >= max_value}, {@code x} for
 * {@code threshold <= x < max_value}, {@code negative_slope * (x - threshold)} otherwise. The
 * defaults (no max_value, slope 0, threshold 0) give {@code max(x, 0)}.
 *
 * <pre>{@code
 * ReLU capped = ReLU.of().maxValue(6);
 * ReLU leaky = ReLU.of().negativeSlope(0.1).threshold(0.5);
 * }</pre>
 */
public final class ReLU extends ElementwiseLayer<ReLU> {
  private Double maxValue;
  private double negativeSlope;
  private double threshold;

  private ReLU() {}

  /** {@code max(x, 0)}: Keras's defaults. */
  public static ReLU of() {
    return new ReLU();
  }

  /** A copy that caps the output at {@code maxValue} (Keras's {@code max_value}, >= 0). */
  public ReLU maxValue(double maxValue) {
    if (!(maxValue >= 0)) {
      throw new IllegalArgumentException("max_value of a ReLU layer cannot be a negative value. "
          + "Received: max_value=" + maxValue);
    }
    ReLU copy = copy();
    copy.maxValue = maxValue;
    return copy;
  }

  /** A copy with this slope below the threshold (Keras's {@code negative_slope}, >= 0, default 0). */
  public ReLU negativeSlope(double negativeSlope) {
    if (!(negativeSlope >= 0)) {
      throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be None or a "
          + "negative value. Received: negative_slope=" + negativeSlope);
    }
    ReLU copy = copy();
    copy.negativeSlope = negativeSlope;
    return copy;
  }

  /** A copy with this threshold (Keras's {@code threshold}, >= 0, default 0). */
  public ReLU threshold(double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold of a ReLU layer cannot be None or a negative "
          + "value. Received: threshold=" + threshold);
    }
    ReLU copy = copy();
    copy.threshold = threshold;
    return copy;
  }

  /** The cap, or null for none. */
  public Double maxValue() {
    return maxValue;
  }

  /** The slope below the threshold. */
  public double negativeSlope() {
    return negativeSlope;
  }

  /** The threshold. */
  public double threshold() {
    return threshold;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.FLOAT32_INSIDE;
  }

  @Override
  public String className() {
    return "ReLU";
  }

  @Override
  public String namePrefix() {
    return "re_lu";
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(relu(context.tf(), input, negativeSlope, maxValue, threshold));
  }

  /**
   * Keras's {@code activations.relu(x, negative_slope, max_value, threshold)}, op for op as its
   * TensorFlow backend builds it (a leaky_relu op when only the slope is set; relu6 for a cap of 6).
   */
  static Operand<TFloat32> relu(Ops tf, Operand<TFloat32> x, double slope, Double maxValue,
      double threshold) {
    if (slope != 0 && maxValue == null && threshold == 0) {
      return tf.nn.leakyRelu(x, LeakyRelu.alpha((float) slope));
    }
    Operand<TFloat32> y;
    boolean clip = maxValue != null;
    if (threshold != 0) {
      y = tf.select(tf.math.greater(x, tf.constant((float) threshold)), x, tf.zerosLike(x));
    } else if (maxValue != null && maxValue == 6) {
      y = tf.nn.relu6(x);
      clip = false;
    } else {
      y = tf.nn.relu(x);
    }
    if (clip) {
      y = tf.clipByValue(y, tf.constant(0f), tf.constant(maxValue.floatValue()));
    }
    if (slope != 0) {
      Operand<TFloat32> negative = tf.nn.relu(threshold != 0
          ? tf.math.add(tf.math.neg(x), tf.constant((float) threshold)) : tf.math.neg(x));
      y = tf.math.sub(y, tf.math.mul(tf.constant((float) slope), negative));
    }
    return y;
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("max_value", maxValue).put("negative_slope", negativeSlope)
        .put("threshold", threshold).build();
  }

  /** Reads Keras's ReLU config. */
  public static ReLU fromConfig(ConfigReader c) {
    ReLU relu = of().negativeSlope(c.getDouble("negative_slope", 0.0))
        .threshold(c.getDouble("threshold", 0.0));
    return c.has("max_value") ? relu.maxValue(c.getDouble("max_value")) : relu;
  }
}
