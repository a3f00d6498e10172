package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code RepeatVector}: {@code (batch, features)} to {@code (batch, n, features)}, the
 * vector repeated {@code n} times (e.g. to feed an encoding to every step of a decoder RNN).
 *
 * <pre>{@code
 * RepeatVector repeat = RepeatVector.of(5);
 * }</pre>
 */
public final class RepeatVector extends Layer<RepeatVector> {
  private final int n;

  private RepeatVector(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Argument `n` should be a positive integer. Received: n=" + n);
    }
    this.n = n;
  }

  /** Repeats the input {@code n} times (Keras's {@code n}, positive). */
  public static RepeatVector of(int n) {
    return new RepeatVector(n);
  }

  /** The number of repetitions. */
  public int n() {
    return n;
  }

  @Override
  public String className() {
    return "RepeatVector";
  }

  @Override
  public String namePrefix() {
    return "repeat_vector";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, 2);
    return Shape.of(input.get(0), n, input.get(1));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    return LayerOutput.of(
        tf.tile(tf.expandDims(input, tf.constant(1)), tf.constant(new int[] {1, n, 1})));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("n", n).build();
  }

  /** Reads Keras's RepeatVector config. */
  public static RepeatVector fromConfig(ConfigReader c) {
    return of(c.getInt("n"));
  }
}
