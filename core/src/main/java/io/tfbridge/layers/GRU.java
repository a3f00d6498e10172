package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code GRU} over inputs {@code (batch, timesteps, features)}, from {@code h_0 = 0}, with
 * gates in Keras's order {@code [z, r, h]}. With {@code reset_after} (Keras 3's default) the reset gate
 * is applied after the recurrent matrix product, and the bias has two rows, one for the input and one
 * for the recurrent projection:
 *
 * <pre>
 * [x_z, x_r, x_h] = x_t . kernel + bias[0]     [r_z, r_r, r_h] = h_(t-1) . recurrent_kernel + bias[1]
 * z = recurrent_activation(x_z + r_z)         r = recurrent_activation(x_r + r_r)
 * hh = activation(x_h + r * r_h)              h_t = z * h_(t-1) + (1 - z) * hh
 * </pre>
 *
 * <p>Without {@code reset_after} the bias is one row added to the input projection and
 * {@code hh = activation(x_h + (r * h_(t-1)) . recurrent_kernel[:, 2 units:])}. The recurrence is
 * unrolled like {@link SimpleRNN}'s: TensorFlow Java cannot take gradients through While loops. Masks,
 * go_backwards and zero_output_for_mask work as in Keras ({@link RecurrentLayer}).
 *
 * <pre>{@code
 * GRU gru = GRU.of(32).returnSequences(true).inputShape(10, 8);
 * }</pre>
 */
public final class GRU extends RecurrentLayer<GRU> {
  private Activation recurrentActivation = Activation.SIGMOID;
  private boolean resetAfter = true;

  private GRU(int units) {
    super(units);
  }

  /** A GRU of {@code units} units, tanh and sigmoid, reset after, returning the last output. */
  public static GRU of(int units) {
    return new GRU(units);
  }

  /** A copy with the gates' activation of this Keras name (default {@code "sigmoid"}). */
  public GRU recurrentActivation(String name) {
    GRU copy = copy();
    copy.recurrentActivation = Activation.get(name);
    return copy;
  }

  /** A copy applying the reset gate after (default true, Keras 3) or before the recurrent product. */
  public GRU resetAfter(boolean resetAfter) {
    GRU copy = copy();
    copy.resetAfter = resetAfter;
    return copy;
  }

  /** The gates' activation. */
  public Activation recurrentActivation() {
    return recurrentActivation;
  }

  /** Whether the reset gate is applied after the recurrent matrix product. */
  public boolean resetAfter() {
    return resetAfter;
  }

  @Override
  public String className() {
    return "GRU";
  }

  @Override
  public String namePrefix() {
    return "gru";
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    Shape bias = resetAfter ? Shape.of(2, 3L * units) : Shape.of(3L * units);
    return cellWeights(input, 3, bias, biasInitializer);
  }

  @Override
  Cell cell(LayerContext context) {
    var tf = context.tf();
    Operand<TFloat32> inputBias = null;
    Operand<TFloat32> recurrentBias = null;
    if (useBias && resetAfter) {
      List<Operand<TFloat32>> rows = List.copyOf(
          tf.unstack(context.weight("bias"), 2L, Unstack.axis(0L)).output());
      inputBias = rows.get(0);
      recurrentBias = rows.get(1);
    } else if (useBias) {
      inputBias = context.weight("bias");
    }
    Operand<TFloat32> xBias = inputBias;
    Operand<TFloat32> hBias = recurrentBias;
    return (x, states) -> List.of(
        step(context, x, states == null ? null : states.get(0), xBias, hBias));
  }

  /** One timestep; the first ({@code h == null}) has {@code h_(t-1) = 0}. */
  private Operand<TFloat32> step(LayerContext context, Operand<TFloat32> x, Operand<TFloat32> h,
      Operand<TFloat32> inputBias, Operand<TFloat32> recurrentBias) {
    Ops tf = context.tf();
    Operand<TFloat32> kernel = context.weight("recurrent_kernel");
    Operand<TFloat32> matrixX = tf.linalg.matMul(x, context.weight("kernel"));
    if (inputBias != null) {
      matrixX = tf.nn.biasAdd(matrixX, inputBias);
    }
    List<Operand<TFloat32>> xs = RecurrentOps.split(tf, matrixX, 3);
    Operand<TFloat32> z;
    Operand<TFloat32> r;
    Operand<TFloat32> recurrentH;
    if (resetAfter) {
      // h_(t-1) . recurrent_kernel + bias[1]; only the bias when h_(t-1) = 0
      List<Operand<TFloat32>> inner;
      if (h != null) {
        Operand<TFloat32> matrixInner = tf.linalg.matMul(h, kernel);
        if (recurrentBias != null) {
          matrixInner = tf.nn.biasAdd(matrixInner, recurrentBias);
        }
        inner = RecurrentOps.split(tf, matrixInner, 3);
      } else {
        inner = recurrentBias == null ? null : RecurrentOps.split(tf, tf.expandDims(recurrentBias,
            tf.constant(0)), 3);
      }
      z = recurrentActivation.apply(tf, inner == null ? xs.get(0) : tf.math.add(xs.get(0), inner.get(0)));
      r = recurrentActivation.apply(tf, inner == null ? xs.get(1) : tf.math.add(xs.get(1), inner.get(1)));
      recurrentH = inner == null ? null : tf.math.mul(r, inner.get(2));
    } else {
      List<Operand<TFloat32>> kernels = RecurrentOps.split(tf, kernel, 3);
      if (h != null) {
        Operand<TFloat32> zr = tf.linalg.matMul(h, tf.concat(kernels.subList(0, 2), tf.constant(1)));
        List<Operand<TFloat32>> inner = RecurrentOps.split(tf, zr, 2);
        z = recurrentActivation.apply(tf, tf.math.add(xs.get(0), inner.get(0)));
        r = recurrentActivation.apply(tf, tf.math.add(xs.get(1), inner.get(1)));
        recurrentH = tf.linalg.matMul(tf.math.mul(r, h), kernels.get(2));
      } else {
        z = recurrentActivation.apply(tf, xs.get(0));
        recurrentH = null; // r * h_(t-1) = 0
      }
    }
    Operand<TFloat32> hh = activation.apply(tf,
        recurrentH == null ? xs.get(2) : tf.math.add(xs.get(2), recurrentH));
    Operand<TFloat32> update = tf.math.mul(tf.math.sub(tf.constant(1f), z), hh);
    return h == null ? update : tf.math.add(tf.math.mul(z, h), update);
  }

  @Override
  public Config getConfig() {
    Config.Builder b = putHead(Config.builder()).put("activation", activation)
        .put("recurrent_activation", recurrentActivation).put("use_bias", useBias);
    putRecurrentNulls(putRecurrentInitializers(b));
    return b.put("dropout", 0.0).put("recurrent_dropout", 0.0).putNull("seed")
        .put("reset_after", resetAfter).build();
  }

  /** Reads Keras's GRU config. */
  public static GRU fromConfig(ConfigReader c) {
    return of(c.getInt("units")).withRecurrentOptions(c)
        .activation(c.activation("activation", Activation.TANH))
        .recurrentActivation(c.activation("recurrent_activation", Activation.SIGMOID).kerasName())
        .resetAfter(c.getBool("reset_after", true));
  }
}
