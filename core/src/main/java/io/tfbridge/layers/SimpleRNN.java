package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SimpleRNN}: {@code h_t = activation(x_t . kernel + h_(t-1) . recurrent_kernel + bias)}
 * from {@code h_0 = 0}, over inputs {@code (batch, timesteps, features)}.
 *
 * <p>The recurrence is unrolled into one set of ops per timestep (the number of timesteps must be
 * known): TensorFlow Java cannot take gradients through While loops. Masks, go_backwards and
 * zero_output_for_mask work as in Keras ({@link RecurrentLayer}).
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
  Cell cell(LayerContext context) {
    var tf = context.tf();
    return (x, states) -> {
      Operand<TFloat32> h = tf.linalg.matMul(x, context.weight("kernel"));
      if (useBias) {
        h = tf.nn.biasAdd(h, context.weight("bias"));
      }
      if (states != null) { // h_0 = 0: no recurrent term at a first step
        h = tf.math.add(h, tf.linalg.matMul(states.get(0), context.weight("recurrent_kernel")));
      }
      return List.of(activation.apply(tf, h));
    };
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
