package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Softmax} layer: {@code exp(x) / sum(exp(x))} along {@code axis} (default -1), an
 * integer or a list of axes normalised together. Keras's {@code mask} call argument is not supported.
 * Over one axis its output carries its input as the logits the crossentropy losses use, as Keras's
 * softmax does ({@code _keras_logits}), so a final Softmax layer trains like a softmax activation.
 *
 * <pre>{@code
 * Softmax overRows = Softmax.of().axis(1);
 * Softmax overImage = Softmax.of().axis(1, 2);
 * }</pre>
 */
public final class Softmax extends ElementwiseLayer<Softmax> {
  private Axes axis = Axes.of(-1);

  private Softmax() {}

  /** A softmax over the last axis. */
  public static Softmax of() {
    return new Softmax();
  }

  /** A copy normalising along this axis (counted with the batch axis; negative from the end). */
  public Softmax axis(int axis) {
    return withAxis(Axes.of(axis));
  }

  /** A copy normalising along these axes together (Keras's list form of {@code axis}). */
  public Softmax axis(int first, int... more) {
    return withAxis(Axes.list(IntStream.concat(IntStream.of(first), IntStream.of(more)).toArray()));
  }

  private Softmax withAxis(Axes axis) {
    Softmax copy = copy();
    copy.axis = axis;
    return copy;
  }

  /** The axes, as given. */
  public int[] axis() {
    return axis.values().clone();
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.FLOAT32_INSIDE;
  }

  @Override
  public String className() {
    return "Softmax";
  }

  @Override
  public String namePrefix() {
    return "softmax";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    axis.resolve(layerName, input);
    return input;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    int[] axes = axis.resolve(className(), input.shape());
    if (axes.length == 1) {
      return new LayerOutput(softmax(tf, input, axes[0]), input, Activation.SOFTMAX);
    }
    return LayerOutput.of(tf.math.exp(tf.math.sub(input, logSumExp(tf, input, axes))));
  }

  /** {@code tf.nn.softmax(x, axis)}: a non-last axis is swapped with the last one and back. */
  private static Operand<TFloat32> softmax(Ops tf, Operand<TFloat32> x, int axis) {
    int last = x.shape().numDimensions() - 1;
    if (axis == last) {
      return tf.nn.softmax(x);
    }
    int[] swap = IntStream.rangeClosed(0, last).map(i -> i == axis ? last : i == last ? axis : i)
        .toArray();
    Operand<TFloat32> y = tf.nn.softmax(tf.linalg.transpose(x, tf.constant(swap)));
    return tf.linalg.transpose(y, tf.constant(swap));
  }

  /** {@code tf.reduce_logsumexp(x, axes, keepdims=True)}: the maximum, held constant, is factored out. */
  private static Operand<TFloat32> logSumExp(Ops tf, Operand<TFloat32> x, int[] axes) {
    Operand<TFloat32> max = tf.stopGradient(tf.max(x, tf.constant(axes), Max.keepDims(true)));
    Operand<TFloat32> sum = tf.sum(tf.math.exp(tf.math.sub(x, max)), tf.constant(axes),
        Sum.keepDims(true));
    return tf.math.add(tf.math.log(sum), max);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("axis", axis.configValue()).build();
  }

  /** Reads Keras's Softmax config. */
  public static Softmax fromConfig(ConfigReader c) {
    return of().withAxis(Axes.read(c, "axis", Axes.of(-1)));
  }
}
