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
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * What Keras's recurrent layers ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) share beyond a kernel
 * layer's options (their output activation defaults to tanh): units, return_sequences, go_backwards,
 * zero_output_for_mask and the recurrent-kernel initializer (orthogonal), with their fluent copies,
 * and the recurrence itself, unrolled over {@code (batch, timesteps, features)} (TensorFlow Java
 * cannot take gradients through While loops): each layer only gives its {@link Cell}.
 *
 * <p>Masks as Keras's {@code backend.rnn}: at a masked step the states keep their previous values and
 * the output repeats the previous output (zeros before the first unmasked step), or is zeros with
 * {@code zero_output_for_mask}; the last output is the last step's. With {@code go_backwards} the steps
 * run from the last to the first and the returned sequence is in that (reversed) order. The mask passes
 * on with {@code return_sequences}; else the output has none.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class RecurrentLayer<L extends RecurrentLayer<L>> extends KernelLayer<L> {
  final int units;
  boolean returnSequences;
  boolean goBackwards;
  boolean zeroOutputForMask;
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

  /**
   * A copy that runs over the steps from the last to the first (Keras's {@code go_backwards}, default
   * false); with return_sequences the outputs come in that reversed order, as in Keras.
   */
  public L goBackwards(boolean goBackwards) {
    L copy = copy();
    copy.goBackwards = goBackwards;
    return copy;
  }

  /**
   * A copy whose output at a masked step is zeros (Keras's {@code zero_output_for_mask}, default
   * false: it repeats the previous output). {@link Bidirectional} sets it to return_sequences.
   */
  public L zeroOutputForMask(boolean zeroOutputForMask) {
    L copy = copy();
    copy.zeroOutputForMask = zeroOutputForMask;
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

  /** Whether the layer runs over the steps backwards. */
  public boolean goBackwards() {
    return goBackwards;
  }

  /** Whether masked steps output zeros rather than the previous output. */
  public boolean zeroOutputForMask() {
    return zeroOutputForMask;
  }

  /** The recurrent-kernel initializer. */
  public Initializer recurrentInitializer() {
    return recurrentInitializer;
  }

  /**
   * One timestep of a recurrent cell: the new states from the step's input and the previous states
   * (output first: h), each {@code (batch, units)}. {@code states} is null at a first step that starts
   * from zero states, so a cell can leave out its recurrent terms.
   */
  @FunctionalInterface
  interface Cell {
    List<Operand<TFloat32>> step(Operand<TFloat32> x, List<Operand<TFloat32>> states);
  }

  /** The layer's cell for one call, its weights read from {@code context}. */
  abstract Cell cell(LayerContext context);

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    long steps = input.shape().get(1);
    List<Operand<TFloat32>> xs = new ArrayList<>(tf.unstack(input, steps, Unstack.axis(1L)).output());
    Operand<TBool> mask = context.mask();
    List<Operand<TBool>> masks = mask == null ? null
        : new ArrayList<>(tf.unstack(tf.expandDims(mask, tf.constant(-1)), steps, Unstack.axis(1L))
            .output());
    if (goBackwards) {
      Collections.reverse(xs);
      if (masks != null) {
        Collections.reverse(masks);
      }
    }
    Cell cell = cell(context);
    List<Operand<TFloat32>> outputs = new ArrayList<>(xs.size());
    List<Operand<TFloat32>> states = null;
    for (int t = 0; t < xs.size(); t++) {
      List<Operand<TFloat32>> next = cell.step(xs.get(t), states);
      Operand<TFloat32> output = next.get(0);
      if (masks != null) {
        output = masked(tf, masks.get(t), output,
            zeroOutputForMask || outputs.isEmpty() ? null : outputs.get(t - 1));
        next = maskedStates(tf, masks.get(t), next, states);
      }
      states = next;
      outputs.add(output);
    }
    return LayerOutput.of(returnSequences ? tf.stack(outputs, Stack.axis(1L))
        : outputs.get(outputs.size() - 1));
  }

  /** {@code where(mask, value, previous)}; zeros when there is no previous value. */
  private static Operand<TFloat32> masked(Ops tf, Operand<TBool> mask, Operand<TFloat32> value,
      Operand<TFloat32> previous) {
    return tf.select(mask, value, previous == null ? tf.constant(0f) : previous);
  }

  private static List<Operand<TFloat32>> maskedStates(Ops tf, Operand<TBool> mask,
      List<Operand<TFloat32>> next, List<Operand<TFloat32>> previous) {
    List<Operand<TFloat32>> kept = new ArrayList<>(next.size());
    for (int i = 0; i < next.size(); i++) {
      kept.add(masked(tf, mask, next.get(i), previous == null ? null : previous.get(i)));
    }
    return kept;
  }

  /** Keras's {@code supports_masking}: a recurrent layer skips masked steps. */
  @Override
  public boolean supportsMasking() {
    return true;
  }

  /** The input's mask with return_sequences, else none. */
  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return returnSequences && !masks.isEmpty() ? masks.get(0) : null;
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
        .put("go_backwards", goBackwards).put("stateful", false).put("unroll", false)
        .put("zero_output_for_mask", zeroOutputForMask).put("units", units);
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
   * Reads what every recurrent layer shares: use_bias, return_sequences, go_backwards,
   * zero_output_for_mask and the initializers; the options tfbridge does not have (return_state: a
   * second output; stateful; dropout) must keep their defaults. {@code unroll} is moot (tfbridge
   * always unrolls, with the same results) and {@code seed} only seeds dropout.
   */
  final L withRecurrentOptions(ConfigReader c) {
    if (c.getBool("return_state", false)) {
      throw c.unsupported("return_state=True (the states are extra outputs; tfbridge layers have "
          + "one output)");
    }
    c.requireDefault("stateful", false);
    c.requireDefault("dropout", 0.0);
    c.requireDefault("recurrent_dropout", 0.0);
    c.ignore("unroll", "seed", "time_major");
    L copy = returnSequences(c.getBool("return_sequences", false))
        .goBackwards(c.getBool("go_backwards", false))
        .zeroOutputForMask(c.getBool("zero_output_for_mask", false))
        .recurrentInitializer(c.initializer("recurrent_initializer", Orthogonal.of()));
    return copy.useBias(c.getBool("use_bias", true))
        .kernelInitializer(c.initializer("kernel_initializer", GlorotUniform.of()))
        .biasInitializer(c.initializer("bias_initializer", Zeros.of()));
  }
}
