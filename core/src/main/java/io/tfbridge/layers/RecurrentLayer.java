package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Orthogonal;
import io.tfbridge.initializers.Zeros;
import org.tensorflow.ndarray.Shape;

/**
 * What Keras's recurrent layers ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) share: units, the
 * output activation (default tanh), use_bias, return_sequences and the three initializers (glorot_uniform
 * kernel, orthogonal recurrent kernel, zeros bias), with their fluent copies, and the output shape of an
 * unrolled recurrence over {@code (batch, timesteps, features)}.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class RecurrentLayer<L extends RecurrentLayer<L>> extends Layer<L> {
  final int units;
  Activation activation = Activation.TANH;
  boolean useBias = true;
  boolean returnSequences;
  Initializer kernelInitializer = GlorotUniform.of();
  Initializer recurrentInitializer = Orthogonal.of();
  Initializer biasInitializer = Zeros.of();

  RecurrentLayer(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `units`, expected a positive integer, got " + units);
    }
    this.units = units;
  }

  /** A copy with the output activation of this Keras name (default {@code "tanh"}). */
  public L activation(String name) {
    L copy = copy();
    copy.activation = Activation.get(name);
    return copy;
  }

  /** A copy that returns the whole sequence of outputs instead of the last one. */
  public L returnSequences(boolean returnSequences) {
    L copy = copy();
    copy.returnSequences = returnSequences;
    return copy;
  }

  /** A copy with or without a bias (default true). */
  public L useBias(boolean useBias) {
    L copy = copy();
    copy.useBias = useBias;
    return copy;
  }

  /** A copy with this input-kernel initializer (default glorot_uniform). */
  public L kernelInitializer(Initializer initializer) {
    L copy = copy();
    copy.kernelInitializer = initializer;
    return copy;
  }

  /** A copy with this recurrent-kernel initializer (default orthogonal). */
  public L recurrentInitializer(Initializer initializer) {
    L copy = copy();
    copy.recurrentInitializer = initializer;
    return copy;
  }

  /** A copy with this bias initializer (default zeros). */
  public L biasInitializer(Initializer initializer) {
    L copy = copy();
    copy.biasInitializer = initializer;
    return copy;
  }

  /** The number of units. */
  public int units() {
    return units;
  }

  /** The output activation. */
  public Activation activation() {
    return activation;
  }

  /** Whether the layer returns every timestep's output. */
  public boolean returnSequences() {
    return returnSequences;
  }

  /** Whether the layer adds a bias. */
  public boolean useBias() {
    return useBias;
  }

  /** The input-kernel initializer. */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** The recurrent-kernel initializer. */
  public Initializer recurrentInitializer() {
    return recurrentInitializer;
  }

  /** The bias initializer. */
  public Initializer biasInitializer() {
    return biasInitializer;
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
