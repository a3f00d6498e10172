package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code LSTM} over inputs {@code (batch, timesteps, features)}, from {@code h_0 = c_0 = 0}:
 *
 * <pre>
 * z = x_t . kernel + h_(t-1) . recurrent_kernel + bias      split into [i, f, c, o] (Keras's order)
 * i = recurrent_activation(z_i)   f = recurrent_activation(z_f)   o = recurrent_activation(z_o)
 * c_t = f * c_(t-1) + i * activation(z_c)                    h_t = o * activation(c_t)
 * </pre>
 *
 * <p>Weights: kernel {@code (features, 4 units)}, recurrent_kernel {@code (units, 4 units)}, bias
 * {@code (4 units)}, each laid out gate by gate. With {@code unit_forget_bias} (the default) the bias
 * starts at ones for the forget gate, as Keras does. The recurrence is unrolled into one set of ops per
 * timestep, like {@link SimpleRNN}: TensorFlow Java cannot take gradients through While loops. Masks,
 * go_backwards and zero_output_for_mask work as in Keras ({@link RecurrentLayer}).
 *
 * <pre>{@code
 * LSTM lstm = LSTM.of(32).returnSequences(true).inputShape(10, 8);
 * }</pre>
 */
public final class LSTM extends RecurrentLayer<LSTM> {
  private Activation recurrentActivation = Activation.SIGMOID;
  private boolean unitForgetBias = true;

  private LSTM(int units) {
    super(units);
  }

  /** An LSTM of {@code units} units, tanh and sigmoid, returning the last output (Keras's defaults). */
  public static LSTM of(int units) {
    return new LSTM(units);
  }

  /** A copy with the gates' activation of this Keras name (default {@code "sigmoid"}). */
  public LSTM recurrentActivation(String name) {
    LSTM copy = copy();
    copy.recurrentActivation = Activation.get(name);
    return copy;
  }

  /** A copy whose forget-gate bias starts at ones (default true) or at the bias initializer's values. */
  public LSTM unitForgetBias(boolean unitForgetBias) {
    LSTM copy = copy();
    copy.unitForgetBias = unitForgetBias;
    return copy;
  }

  /** The gates' activation. */
  public Activation recurrentActivation() {
    return recurrentActivation;
  }

  /** Whether the forget gate's bias starts at ones. */
  public boolean unitForgetBias() {
    return unitForgetBias;
  }

  @Override
  public String className() {
    return "LSTM";
  }

  @Override
  public String namePrefix() {
    return "lstm";
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    Initializer bias = unitForgetBias ? new UnitForgetBias(biasInitializer, units) : biasInitializer;
    return cellWeights(input, 4, Shape.of(4L * units), bias);
  }

  /** States {@code [h, c]}; from zero states the forget term and the recurrent product vanish. */
  @Override
  Cell cell(LayerContext context) {
    var tf = context.tf();
    return (x, states) -> {
      Operand<TFloat32> z = tf.linalg.matMul(x, context.weight("kernel"));
      if (states != null) {
        z = tf.math.add(z, tf.linalg.matMul(states.get(0), context.weight("recurrent_kernel")));
      }
      if (useBias) {
        z = tf.nn.biasAdd(z, context.weight("bias"));
      }
      List<Operand<TFloat32>> gates = RecurrentOps.split(tf, z, 4);
      Operand<TFloat32> i = recurrentActivation.apply(tf, gates.get(0));
      Operand<TFloat32> c = tf.math.mul(i, activation.apply(tf, gates.get(2)));
      if (states != null) {
        Operand<TFloat32> f = recurrentActivation.apply(tf, gates.get(1));
        c = tf.math.add(tf.math.mul(f, states.get(1)), c);
      }
      Operand<TFloat32> o = recurrentActivation.apply(tf, gates.get(3));
      return List.of(tf.math.mul(o, activation.apply(tf, c)), c);
    };
  }

  /**
   * Keras's {@code unit_forget_bias} initial bias: the bias initializer for the input gate, ones for
   * the forget gate, the bias initializer again for the cell and output gates.
   */
  private record UnitForgetBias(Initializer base, int units) implements Initializer {
    @Override
    public String kerasName() {
      return base.kerasName();
    }

    @Override
    public float[] generate(Shape shape, SplittableRandom random) {
      float[] values = new float[4 * units];
      System.arraycopy(base.generate(Shape.of(units), random), 0, values, 0, units);
      java.util.Arrays.fill(values, units, 2 * units, 1f);
      System.arraycopy(base.generate(Shape.of(2L * units), random), 0, values, 2 * units, 2 * units);
      return values;
    }
  }

  @Override
  public Config getConfig() {
    Config.Builder b = putHead(Config.builder()).put("activation", activation)
        .put("recurrent_activation", recurrentActivation).put("use_bias", useBias);
    putRecurrentInitializers(b).put("unit_forget_bias", unitForgetBias);
    return putRecurrentNulls(b).put("dropout", 0.0).put("recurrent_dropout", 0.0).putNull("seed")
        .build();
  }

  /** Reads Keras's LSTM config. */
  public static LSTM fromConfig(ConfigReader c) {
    return of(c.getInt("units")).withRecurrentOptions(c)
        .activation(c.activation("activation", Activation.TANH))
        .recurrentActivation(c.activation("recurrent_activation", Activation.SIGMOID).kerasName())
        .unitForgetBias(c.getBool("unit_forget_bias", true));
  }
}
