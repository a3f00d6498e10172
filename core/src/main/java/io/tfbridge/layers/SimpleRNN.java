package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Orthogonal;
import io.tfbridge.initializers.Zeros;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SimpleRNN}: {@code h_t = activation(x_t . kernel + h_(t-1) . recurrent_kernel + bias)}
 * from {@code h_0 = 0}, over inputs {@code (batch, timesteps, features)}.
 *
 * <p>The recurrence is unrolled into one set of ops per timestep (the number of timesteps must be
 * known): TensorFlow Java cannot take gradients through While loops.
 *
 * <pre>{@code
 * SimpleRNN rnn = SimpleRNN.of(50).activation("relu").inputShape(5, 1);
 * }</pre>
 */
public final class SimpleRNN extends Layer<SimpleRNN> {
  private final int units;
  private Activation activation = Activation.TANH;
  private boolean useBias = true;
  private boolean returnSequences;
  private Initializer kernelInitializer = GlorotUniform.of();
  private Initializer recurrentInitializer = Orthogonal.of();
  private Initializer biasInitializer = Zeros.of();

  private SimpleRNN(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `units`, expected a positive integer, got " + units);
    }
    this.units = units;
  }

  /** A recurrent layer of {@code units} units, tanh, returning the last output (Keras's defaults). */
  public static SimpleRNN of(int units) {
    return new SimpleRNN(units);
  }

  /** A copy with the activation of this Keras name (default {@code "tanh"}). */
  public SimpleRNN activation(String name) {
    SimpleRNN copy = copy();
    copy.activation = Activation.get(name);
    return copy;
  }

  /** A copy that returns the whole sequence of outputs instead of the last one. */
  public SimpleRNN returnSequences(boolean returnSequences) {
    SimpleRNN copy = copy();
    copy.returnSequences = returnSequences;
    return copy;
  }

  /** A copy with or without a bias (default true). */
  public SimpleRNN useBias(boolean useBias) {
    SimpleRNN copy = copy();
    copy.useBias = useBias;
    return copy;
  }

  /** A copy with this input-kernel initializer (default glorot_uniform). */
  public SimpleRNN kernelInitializer(Initializer initializer) {
    SimpleRNN copy = copy();
    copy.kernelInitializer = initializer;
    return copy;
  }

  /** A copy with this recurrent-kernel initializer (default orthogonal). */
  public SimpleRNN recurrentInitializer(Initializer initializer) {
    SimpleRNN copy = copy();
    copy.recurrentInitializer = initializer;
    return copy;
  }

  /** A copy with this bias initializer (default zeros). */
  public SimpleRNN biasInitializer(Initializer initializer) {
    SimpleRNN copy = copy();
    copy.biasInitializer = initializer;
    return copy;
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

  /** The number of units. */
  public int units() {
    return units;
  }

  /** The activation. */
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

  @Override
  public String className() {
    return "SimpleRNN";
  }

  @Override
  public String namePrefix() {
    return "simple_rnn";
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

  @Override
  public List<WeightSpec> weights(Shape input) {
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(WeightSpec.trainable("kernel", Shape.of(input.get(2), units), kernelInitializer));
    specs.add(WeightSpec.trainable(
        "recurrent_kernel", Shape.of(units, units), recurrentInitializer));
    if (useBias) {
      specs.add(WeightSpec.trainable("bias", Shape.of(units), biasInitializer));
    }
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    int steps = (int) input.shape().get(1);
    List<Operand<TFloat32>> outputs = new ArrayList<>(steps);
    Operand<TFloat32> state = null;
    for (Operand<TFloat32> x : tf.unstack(input, (long) steps, org.tensorflow.op.core.Unstack.axis(1L))) {
      state = step(context, x, state);
      outputs.add(state);
    }
    if (!returnSequences) {
      return LayerOutput.of(state);
    }
    return LayerOutput.of(tf.stack(outputs, Stack.axis(1L)));
  }

  /** One timestep; the first has no recurrent term since {@code h_0 = 0}. */
  private Operand<TFloat32> step(LayerContext context, Operand<TFloat32> x, Operand<TFloat32> state) {
    var tf = context.tf();
    Operand<TFloat32> h = tf.linalg.matMul(x, context.weight("kernel"));
    if (useBias) {
      h = tf.nn.biasAdd(h, context.weight("bias"));
    }
    if (state != null) {
      h = tf.math.add(h, tf.linalg.matMul(state, context.weight("recurrent_kernel")));
    }
    return activation.apply(tf, h);
  }
}
