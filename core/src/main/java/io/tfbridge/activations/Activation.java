package io.tfbridge.activations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * Keras's activations, by the names Keras 3.15 writes in layer configs, each computed as Keras's
 * TensorFlow backend computes it, and the activation functions a team registers under its own
 * names. Keras's activation names carry no parameters, so each built-in activation has Keras's
 * defaults ({@code leaky_relu}: negative_slope 0.2; {@code elu}, {@code celu}: alpha 1; {@code gelu}:
 * the exact, erf form). The layers {@code ReLU}, {@code LeakyReLU}, {@code ELU} and {@code Softmax}
 * take parameters.
 *
 * <p>A Python function registered with {@code keras.saving.register_keras_serializable} is written in
 * configs by its registered name ({@code "Text>gelu"}); {@link #register} gives it a Java formula, as
 * Python's {@code custom_objects} does, e.g. the tanh form of gelu that no Keras name denotes:
 *
 * <pre>{@code
 * Activation gelu = Activation.get("gelu");
 * Activation silu = Activation.get("swish");   // Keras's alias; written back as "silu"
 * Activation tanhGelu = Activation.register("Text>gelu", Activation.Formula.GELU_APPROXIMATE);
 * Dense hidden = Dense.of(16).activation("Text>gelu");
 * }</pre>
 */
public final class Activation {
  /** The built-in activations in declaration order (filled as the constants below are made). */
  private static final List<Activation> BUILT_IN = new ArrayList<>();

  /** The activations registered by name ({@link #register}). */
  private static final Map<String, Activation> REGISTERED = new ConcurrentHashMap<>();

  /** {@code max(x, 0)}. */
  public static final Activation RELU = builtIn("relu", (tf, x) -> tf.nn.relu(x));
  /** {@code min(max(x, 0), 6)}. */
  public static final Activation RELU6 = builtIn("relu6", (tf, x) -> tf.nn.relu6(x));
  /** {@code x} for {@code x >= 0}, {@code 0.2 * x} otherwise (Keras 3's default slope). */
  public static final Activation LEAKY_RELU =
      builtIn("leaky_relu", (tf, x) -> tf.nn.leakyRelu(x, LeakyRelu.alpha(0.2f)));
  /** {@code x} for {@code x > 0}, {@code exp(x) - 1} otherwise. */
  public static final Activation ELU = builtIn("elu", (tf, x) -> tf.nn.elu(x));
  /** {@code scale * elu(x, alpha)} with Keras's fixed alpha 1.67326324 and scale 1.05070098. */
  public static final Activation SELU = builtIn("selu", (tf, x) -> tf.nn.selu(x));
  /** {@code max(x, 0) + expm1(min(x, 0))} (alpha 1). */
  public static final Activation CELU = builtIn("celu", Formulas::celu);
  /** {@code log(exp(x) + 1)}. */
  public static final Activation SOFTPLUS = builtIn("softplus", (tf, x) -> tf.math.softplus(x));
  /** {@code x / (abs(x) + 1)}. */
  public static final Activation SOFTSIGN = builtIn("softsign", (tf, x) -> tf.nn.softsign(x));
  /** {@code x * sigmoid(x)}; Keras also reads it as {@code "swish"}. */
  public static final Activation SILU = builtIn("silu", Formulas::silu);
  /** {@code 0.5 * x * (1 + erf(x / sqrt(2)))}: Keras's {@code "gelu"}, not the tanh approximation. */
  public static final Activation GELU = builtIn("gelu", Formulas::gelu);
  /** {@code relu6(x + 3) / 6}. */
  public static final Activation HARD_SIGMOID = builtIn("hard_sigmoid", Formulas::hardSigmoid);
  /** {@code x * hard_sigmoid(x)}; Keras also reads it as {@code "hard_swish"}. */
  public static final Activation HARD_SILU =
      builtIn("hard_silu", (tf, x) -> tf.math.mul(x, Formulas.hardSigmoid(tf, x)));
  /** {@code clip(x, -1, 1)}. */
  public static final Activation HARD_TANH = builtIn("hard_tanh", Formulas::hardTanh);
  /** {@code exp(x)}. */
  public static final Activation EXPONENTIAL = builtIn("exponential", (tf, x) -> tf.math.exp(x));
  /** {@code x * tanh(softplus(x))}. */
  public static final Activation MISH =
      builtIn("mish", (tf, x) -> tf.math.mul(x, tf.math.tanh(tf.math.softplus(x))));
  /** {@code log(sigmoid(x)) = -softplus(-x)}. */
  public static final Activation LOG_SIGMOID =
      builtIn("log_sigmoid", (tf, x) -> tf.math.neg(tf.math.softplus(tf.math.neg(x))));
  /** {@code x - tanh(x)}. */
  public static final Activation TANH_SHRINK =
      builtIn("tanh_shrink", (tf, x) -> tf.math.sub(x, tf.math.tanh(x)));
  /** {@code (x + sqrt(x^2 + 4)) / 2}. */
  public static final Activation SQUAREPLUS = builtIn("squareplus", Formulas::squareplus);
  /** 0 for {@code x <= -1}, {@code (x + 1)^2 / 4} for {@code -1 < x < 1}, {@code x} otherwise. */
  public static final Activation SPARSE_PLUS = builtIn("sparse_plus", Formulas::sparsePlus);
  /** 0 for {@code x <= -1}, 1 for {@code x >= 1}, {@code (x + 1) / 2} otherwise. */
  public static final Activation SPARSE_SIGMOID =
      builtIn("sparse_sigmoid", Formulas::sparseSigmoid);
  /** {@code x - 0.5} above 0.5, {@code x + 0.5} below -0.5, 0 otherwise. */
  public static final Activation SOFT_SHRINK = builtIn("soft_shrink", Formulas::softShrink);
  /** {@code x} where {@code |x| > 0.5}, 0 otherwise. */
  public static final Activation HARD_SHRINK = builtIn("hard_shrink", Formulas::hardShrink);
  /** Normalised exponential over the last axis. */
  public static final Activation SOFTMAX = builtIn("softmax", (tf, x) -> tf.nn.softmax(x));
  /** {@code log(softmax(x))} over the last axis. */
  public static final Activation LOG_SOFTMAX = builtIn("log_softmax", Formulas::logSoftmax);
  /** {@code 1 / (1 + exp(-x))}. */
  public static final Activation SIGMOID = builtIn("sigmoid", (tf, x) -> tf.math.sigmoid(x));
  /** Hyperbolic tangent. */
  public static final Activation TANH = builtIn("tanh", (tf, x) -> tf.math.tanh(x));
  /** The identity ({@code None} in Keras layer configs). */
  public static final Activation LINEAR = builtIn("linear", (tf, x) -> x);

  /** Names Keras reads as another activation ({@code keras.activations.get}). */
  private static final Map<String, String> ALIASES =
      Map.of("swish", "silu", "hard_swish", "hard_silu");

  private final String kerasName;
  private final Formula formula;

  private Activation(String kerasName, Formula formula) {
    this.kerasName = kerasName;
    this.formula = formula;
  }

  private static Activation builtIn(String kerasName, Formula formula) {
    Activation a = new Activation(kerasName, formula);
    BUILT_IN.add(a);
    return a;
  }

  /** Keras's built-in activations, in a fixed order. */
  public static Activation[] values() {
    return BUILT_IN.toArray(Activation[]::new);
  }

  /**
   * Registers an activation function of the team's own under the name Keras writes for it (the
   * Python function's registered name, {@code "package>name"}); a later registration of the same
   * name replaces the earlier one.
   *
   * @throws IllegalArgumentException if the name is blank or one of Keras's own activations
   */
  public static Activation register(String kerasName, Formula formula) {
    Objects.requireNonNull(formula, "formula");
    if (kerasName == null || kerasName.isBlank() || builtIn(kerasName) != null) {
      throw new IllegalArgumentException("cannot register an activation as '" + kerasName
          + "': the name must be non-blank and not one of Keras's own (" + knownNames() + ")");
    }
    Activation a = new Activation(kerasName, formula);
    REGISTERED.put(kerasName, a);
    return a;
  }

  /** The name Keras writes in layer configs, e.g. {@code "relu"}. */
  public String kerasName() {
    return kerasName;
  }

  /** Whether this is one of Keras's own activations (else a function registered by name). */
  public boolean isBuiltIn() {
    return BUILT_IN.contains(this);
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
    Activation a = REGISTERED.containsKey(name) ? REGISTERED.get(name) : builtIn(name);
    if (a == null) {
      throw new IllegalArgumentException("Unknown activation: '" + name + "'. Known activations: "
          + knownNames() + "; register a function of your own with Activation.register");
    }
    return a;
  }

  private static Activation builtIn(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    String canonical = ALIASES.getOrDefault(key, key);
    return BUILT_IN.stream().filter(a -> a.kerasName.equals(canonical)).findFirst().orElse(null);
  }

  /** The names tfbridge knows, comma-separated: Keras's, its aliases, then the registered ones. */
  public static String knownNames() {
    Stream<String> names = Stream.of(BUILT_IN.stream().map(Activation::kerasName),
        ALIASES.keySet().stream().sorted(), REGISTERED.keySet().stream().sorted()).flatMap(n -> n);
    return names.collect(Collectors.joining(", "));
  }

  /**
   * Adds this activation's ops to the graph. On a bfloat16 tensor (a {@code mixed_bfloat16} layer's;
   * the Java type stays {@code Operand<TFloat32>}) Keras's activations compute in bfloat16, as in
   * Keras; a registered formula, which may hold float32 constants, computes in float32 between two
   * casts.
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    if (x.type() == TFloat32.class || BUILT_IN.contains(this)) {
      return formula.apply(tf, x);
    }
    return tf.dtypes.cast(formula.apply(tf, tf.dtypes.cast(x, TFloat32.class)), x.type());
  }

  @Override
  public String toString() {
    return kerasName;
  }

  /** An activation's ops on a float32 tensor of any shape. */
  @FunctionalInterface
  public interface Formula {
    /**
     * Keras's {@code gelu(x, approximate=True)}, as TensorFlow computes it:
     * {@code 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))}.
     */
    Formula GELU_APPROXIMATE = Formulas::geluApproximate;

    /** Adds the activation's ops on {@code x}. */
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x);
  }
}
