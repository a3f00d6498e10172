package io.tfbridge.activations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * Keras's built-in activations, by the names Keras 3.15 writes in layer configs, each computed as
 * Keras's TensorFlow backend computes it. Keras's activation names carry no parameters, so each
 * activation has Keras's defaults ({@code leaky_relu}: negative_slope 0.2; {@code elu},
 * {@code celu}: alpha 1; {@code gelu}: the exact, erf form). The layers {@code ReLU},
 * {@code LeakyReLU}, {@code ELU} and {@code Softmax} take parameters.
 *
 * <pre>{@code
 * Activation gelu = Activation.get("gelu");
 * Activation silu = Activation.get("swish");   // Keras's alias; written back as "silu"
 * }</pre>
 */
public enum Activation {
  /** {@code max(x, 0)}. */
  RELU("relu", (tf, x) -> tf.nn.relu(x)),
  /** {@code min(max(x, 0), 6)}. */
  RELU6("relu6", (tf, x) -> tf.nn.relu6(x)),
  /** {@code x} for {@code x >= 0}, {@code 0.2 * x} otherwise (Keras 3's default slope). */
  LEAKY_RELU("leaky_relu", (tf, x) -> tf.nn.leakyRelu(x, LeakyRelu.alpha(0.2f))),
  /** {@code x} for {@code x > 0}, {@code exp(x) - 1} otherwise. */
  ELU("elu", (tf, x) -> tf.nn.elu(x)),
  /** {@code scale * elu(x, alpha)} with Keras's fixed alpha 1.67326324 and scale 1.05070098. */
  SELU("selu", (tf, x) -> tf.nn.selu(x)),
  /** {@code max(x, 0) + expm1(min(x, 0))} (alpha 1). */
  CELU("celu", Formulas::celu),
  /** {@code log(exp(x) + 1)}. */
  SOFTPLUS("softplus", (tf, x) -> tf.math.softplus(x)),
  /** {@code x / (abs(x) + 1)}. */
  SOFTSIGN("softsign", (tf, x) -> tf.nn.softsign(x)),
  /** {@code x * sigmoid(x)}; Keras also reads it as {@code "swish"}. */
  SILU("silu", Formulas::silu),
  /** {@code 0.5 * x * (1 + erf(x / sqrt(2)))}: Keras's {@code "gelu"}, not the tanh approximation. */
  GELU("gelu", Formulas::gelu),
  /** {@code relu6(x + 3) / 6}. */
  HARD_SIGMOID("hard_sigmoid", Formulas::hardSigmoid),
  /** {@code x * hard_sigmoid(x)}; Keras also reads it as {@code "hard_swish"}. */
  HARD_SILU("hard_silu", (tf, x) -> tf.math.mul(x, Formulas.hardSigmoid(tf, x))),
  /** {@code clip(x, -1, 1)}. */
  HARD_TANH("hard_tanh", Formulas::hardTanh),
  /** {@code exp(x)}. */
  EXPONENTIAL("exponential", (tf, x) -> tf.math.exp(x)),
  /** {@code x * tanh(softplus(x))}. */
  MISH("mish", (tf, x) -> tf.math.mul(x, tf.math.tanh(tf.math.softplus(x)))),
  /** {@code log(sigmoid(x)) = -softplus(-x)}. */
  LOG_SIGMOID("log_sigmoid", (tf, x) -> tf.math.neg(tf.math.softplus(tf.math.neg(x)))),
  /** {@code x - tanh(x)}. */
  TANH_SHRINK("tanh_shrink", (tf, x) -> tf.math.sub(x, tf.math.tanh(x))),
  /** {@code (x + sqrt(x^2 + 4)) / 2}. */
  SQUAREPLUS("squareplus", Formulas::squareplus),
  /** 0 for {@code x <= -1}, {@code (x + 1)^2 / 4} for {@code -1 < x < 1}, {@code x} otherwise. */
  SPARSE_PLUS("sparse_plus", Formulas::sparsePlus),
  /** 0 for {@code x <= -1}, 1 for {@code x >= 1}, {@code (x + 1) / 2} otherwise. */
  SPARSE_SIGMOID("sparse_sigmoid", Formulas::sparseSigmoid),
  /** {@code x - 0.5} above 0.5, {@code x + 0.5} below -0.5, 0 otherwise. */
  SOFT_SHRINK("soft_shrink", Formulas::softShrink),
  /** {@code x} where {@code |x| > 0.5}, 0 otherwise. */
  HARD_SHRINK("hard_shrink", Formulas::hardShrink),
  /** Normalised exponential over the last axis. */
  SOFTMAX("softmax", (tf, x) -> tf.nn.softmax(x)),
  /** {@code log(softmax(x))} over the last axis. */
  LOG_SOFTMAX("log_softmax", Formulas::logSoftmax),
  /** {@code 1 / (1 + exp(-x))}. */
  SIGMOID("sigmoid", (tf, x) -> tf.math.sigmoid(x)),
  /** Hyperbolic tangent. */
  TANH("tanh", (tf, x) -> tf.math.tanh(x)),
  /** The identity ({@code None} in Keras layer configs). */
  LINEAR("linear", (tf, x) -> x);

  /** Names Keras reads as another activation ({@code keras.activations.get}). */
  private static final Map<String, String> ALIASES =
      Map.of("swish", "silu", "hard_swish", "hard_silu");

  private final String kerasName;
  private final Formula formula;

  Activation(String kerasName, Formula formula) {
    this.kerasName = kerasName;
    this.formula = formula;
  }

  /** The name Keras writes in layer configs, e.g. {@code "relu"}. */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Looks an activation up by its Keras name or alias ({@code swish}, {@code hard_swish});
   * {@code null} means linear, as in Keras.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Activation get(String name) {
    if (name == null) {
      return LINEAR;
    }
    String key = name.toLowerCase(Locale.ROOT);
    key = ALIASES.getOrDefault(key, key);
    for (Activation a : values()) {
      if (a.kerasName.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "Unknown activation: '" + name + "'. Known activations: " + knownNames());
  }

  /** The Keras names tfbridge knows, comma-separated (aliases included). */
  public static String knownNames() {
    return Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", "))
        + ", " + String.join(", ", ALIASES.keySet().stream().sorted().toList());
  }

  /** Adds this activation's ops to the graph. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return formula.apply(tf, x);
  }

  /** An activation's ops. */
  @FunctionalInterface
  interface Formula {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x);
  }
}
