package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Orthogonal;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * What Keras's recurrent layers ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) share beyond a kernel
 * layer's options (their output activation defaults to tanh): units, return_sequences and the
 * recurrent-kernel initializer (orthogonal), with their fluent copies, and the output shape of an
 * unrolled recurrence over {@code (batch, timesteps, features)}.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class RecurrentLayer<L extends RecurrentLayer<L>> extends KernelLayer<L> {
  final int units;
  boolean returnSequences;
  Initializer recurrentInitializer = Orthogonal.of();

  RecurrentLayer(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `units`, expected a positive integer, got " + units);
    }
    this.units = units;
    this.activation = Activation.TANH;
  }

  /** A copy that returns the whole sequence of outputs instead of the last one. */
  public L returnSequences(boolean returnSequences) {
    L copy = copy();
    copy.returnSequences = returnSequences;
    return copy;
  }

  /** A copy with this recurrent-kernel initializer (default orthogonal). */
  public L recurrentInitializer(Initializer initializer) {
    L copy = copy();
    copy.recurrentInitializer = initializer;
    return copy;
  }

  /** The number of units. */
  public int units() {
    return units;
  }

  /** Whether the layer returns every timestep's output. */
  public boolean returnSequences() {
    return returnSequences;
  }

  /** The recurrent-kernel initializer. */
  public Initializer recurrentInitializer() {
    return recurrentInitializer;
  }

  /**
   * Keras's cell weights: {@code kernel (features, gates*units)}, {@code recurrent_kernel
   * (units, gates*units)} and, with use_bias, {@code bias} of {@code biasShape} drawn by
   * {@code bias}.
   */
  final List<WeightSpec> cellWeights(Shape input, int gates, Shape biasShape, Initializer bias) {
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(WeightSpec.trainable("kernel", Shape.of(input.get(2), (long) gates * units),
        kernelInitializer));
    specs.add(WeightSpec.trainable("recurrent_kernel", Shape.of(units, (long) gates * units),
        recurrentInitializer));
    if (useBias) {
      specs.add(WeightSpec.trainable("bias", biasShape, bias));
    }
    return specs.stream().map(w -> w.inGroup("cell")).toList();
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 3, 3);
    Shapes.knownLastAxis(layerName, input);
    if (input.get(1) <= 0) {
      throw Shapes.incompatible(layerName, "a known number of timesteps (the RNN is unrolled)", input);
    }
    return returnSequences
        ? Shape.of(input.get(0), input.get(1), units)
        : Shape.of(input.get(0), units);
  }

  /** The options of Keras's RNN base, then units: what every recurrent layer's config starts with. */
  final Config.Builder putHead(Config.Builder b) {
    return b.put("return_sequences", returnSequences).put("return_state", false)
        .put("go_backwards", false).put("stateful", false).put("unroll", false)
        .put("zero_output_for_mask", false).put("units", units);
  }

  /** Writes the kernel, recurrent and bias initializers. */
  final Config.Builder putRecurrentInitializers(Config.Builder b) {
    return b.put("kernel_initializer", Initializers.serialize(kernelInitializer))
        .put("recurrent_initializer", Initializers.serialize(recurrentInitializer))
        .put("bias_initializer", Initializers.serialize(biasInitializer));
  }

  /** Writes the regularizers and constraints (null) of a recurrent layer. */
  static Config.Builder putRecurrentNulls(Config.Builder b) {
    return b.putNull("kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint");
  }

  /**
   * Reads what every recurrent layer shares: use_bias, return_sequences and the initializers; the
   * options tfbridge does not have (return_state, go_backwards, stateful, dropout) must keep their
   * defaults. {@code unroll} is moot (tfbridge always unrolls) and {@code zero_output_for_mask} too
   * (no mask reaches a recurrent layer).
   */
  final L withRecurrentOptions(ConfigReader c) {
    c.requireDefault("return_state", false);
    c.requireDefault("go_backwards", false);
    c.requireDefault("stateful", false);
    c.requireDefault("dropout", 0.0);
    c.requireDefault("recurrent_dropout", 0.0);
    c.ignore("unroll", "zero_output_for_mask", "seed", "time_major");
    L copy = returnSequences(c.getBool("return_sequences", false))
        .recurrentInitializer(c.initializer("recurrent_initializer", Orthogonal.of()));
    return copy.useBias(c.getBool("use_bias", true))
        .kernelInitializer(c.initializer("kernel_initializer", GlorotUniform.of()))
        .biasInitializer(c.initializer("bias_initializer", Zeros.of()));
  }
}
