package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
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
public final class SimpleRNN extends RecurrentLayer<SimpleRNN> {

  private SimpleRNN(int units) {
    super(units);
  }

  /** A recurrent layer of {@code units} units, tanh, returning the last output (Keras's defaults). */
  public static SimpleRNN of(int units) {
    return new SimpleRNN(units);
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
  public List<WeightSpec> weights(Shape input) {
    return cellWeights(input, 1, Shape.of(units), biasInitializer);
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

  @Override
  public Config getConfig() {
    Config.Builder b = putHead(Config.builder());
    putRecurrentNulls(putRecurrentInitializers(putActivation(b)));
    return b.put("dropout", 0.0).put("recurrent_dropout", 0.0).build();
  }

  /** Reads Keras's SimpleRNN config. */
  public static SimpleRNN fromConfig(ConfigReader c) {
    return of(c.getInt("units")).withRecurrentOptions(c)
        .activation(c.activation("activation", io.tfbridge.activations.Activation.TANH));
  }
}
