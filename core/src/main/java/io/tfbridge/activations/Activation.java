package io.tfbridge.activations;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's built-in activations, by their Keras names.
 *
 * <pre>{@code
 * Activation relu = Activation.get("relu");
 * }</pre>
 */
public enum Activation {
  /** {@code max(x, 0)}. */
  RELU("relu"),
  /** Normalised exponential over the last axis. */
  SOFTMAX("softmax"),
  /** {@code 1 / (1 + exp(-x))}. */
  SIGMOID("sigmoid"),
  /** Hyperbolic tangent. */
  TANH("tanh"),
  /** The identity ({@code None} in Keras layer configs). */
  LINEAR("linear");

  private final String kerasName;

  Activation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The name Keras uses in layer configs, e.g. {@code "relu"}. */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Looks an activation up by its Keras name ({@code null} means linear, as in Keras).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Activation get(String name) {
    if (name == null) {
      return LINEAR;
    }
    String key = name.toLowerCase(Locale.ROOT);
    for (Activation a : values()) {
      if (a.kerasName.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "Unknown activation: '" + name + "'. Known activations: " + knownNames());
  }

  public static String knownNames() {
    return Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", "));
  }

  /** Adds this activation's ops to the graph. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    switch (this) {
      case RELU:
        return tf.nn.relu(x);
      case SOFTMAX:
        return tf.nn.softmax(x);
      case SIGMOID:
        return tf.math.sigmoid(x);
      case TANH:
        return tf.math.tanh(x);
      default:
        return x;
    }
  }
}
