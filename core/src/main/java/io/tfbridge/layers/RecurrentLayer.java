package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Orthogonal;
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
    return specs;
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
}
