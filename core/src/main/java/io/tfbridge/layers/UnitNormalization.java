package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code UnitNormalization}: each sample scaled to unit L2 norm over {@code axis} (default -1;
 * a list normalises over several axes together): {@code x * min(rsqrt(sum(x^2)), 1e12)}.
 *
 * <pre>{@code
 * UnitNormalization unit = UnitNormalization.of().axis(1, 2);
 * }</pre>
 */
public final class UnitNormalization extends ElementwiseLayer<UnitNormalization> {
  private static final float MAX_INVERSE_NORM = 1e12f;
  private Axes axis = Axes.of(-1);

  private UnitNormalization() {}

  /** Unit normalization over the last axis. */
  public static UnitNormalization of() {
    return new UnitNormalization();
  }

  /** A copy normalising over this axis (counted with the batch axis; negative from the end). */
  public UnitNormalization axis(int axis) {
    UnitNormalization copy = copy();
    copy.axis = Axes.of(axis);
    return copy;
  }

  /** A copy normalising over these axes together (Keras's list form). */
  public UnitNormalization axis(int first, int... more) {
    UnitNormalization copy = copy();
    copy.axis = Axes.list(IntStream.concat(IntStream.of(first), IntStream.of(more)).toArray());
    return copy;
  }

  /** The axes, as given. */
  public int[] axis() {
    return axis.values().clone();
  }

  @Override
  public String className() {
    return "UnitNormalization";
  }

  @Override
  public String namePrefix() {
    return "unit_normalization";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    axis.resolve(layerName, input);
    return input;
  }

  /** Keras's {@code ops.normalize(x, axis, order=2, epsilon=1e-12)}. */
  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    int[] axes = axis.resolve(className(), input.shape());
    Operand<TFloat32> squareSum = tf.sum(tf.math.square(input), tf.constant(axes), Sum.keepDims(true));
    Operand<TFloat32> inverse = tf.math.minimum(tf.math.rsqrt(squareSum), tf.constant(MAX_INVERSE_NORM));
    return LayerOutput.of(tf.math.mul(input, inverse));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("axis", axis.configValue()).build();
  }

  /** Reads Keras's UnitNormalization config. */
  public static UnitNormalization fromConfig(ConfigReader c) {
    UnitNormalization unit = of();
    unit.axis = Axes.read(c, "axis", Axes.of(-1));
    return unit;
  }
}
