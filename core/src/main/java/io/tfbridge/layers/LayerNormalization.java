package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code LayerNormalization}: each sample normalised over {@code axis} (default -1; a list
 * normalises over several axes together): {@code (x - mean) * rsqrt(variance + epsilon) * gamma + beta},
 * with gamma and beta of the normalised axes' shape. Keras's deprecated {@code rms_scaling} (which
 * divides by the variance's square root, not the root mean square, and drops beta) is supported.
 *
 * <pre>{@code
 * LayerNormalization ln = LayerNormalization.of().axis(-2, -1).epsilon(1e-6);
 * }</pre>
 */
public final class LayerNormalization extends CenterScaleLayer<LayerNormalization> {
  private Axes axis = Axes.of(-1);
  private boolean rmsScaling;

  private LayerNormalization() {}

  /** Layer normalization over the last axis, with Keras's defaults. */
  public static LayerNormalization of() {
    return new LayerNormalization();
  }

  /** A copy normalising over these axes together (counted with the batch axis; negative from the end). */
  public LayerNormalization axis(int... axes) {
    if (axes.length == 0) {
      throw new IllegalArgumentException("LayerNormalization needs at least one axis");
    }
    LayerNormalization copy = copy();
    copy.axis = axes.length == 1 ? Axes.of(axes[0]) : Axes.list(axes);
    return copy;
  }

  /** A copy with Keras's deprecated {@code rms_scaling} (default false). */
  public LayerNormalization rmsScaling(boolean rmsScaling) {
    LayerNormalization copy = copy();
    copy.rmsScaling = rmsScaling;
    return copy;
  }

  /** The axes, as given. */
  public int[] axis() {
    return axis.values().clone();
  }

  /** Whether the deprecated rms_scaling is on. */
  public boolean rmsScaling() {
    return rmsScaling;
  }

  @Override
  public String className() {
    return "LayerNormalization";
  }

  @Override
  public String namePrefix() {
    return "layer_normalization";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    axis.resolveKnown(layerName, input);
    return input;
  }

  /** gamma and beta have the sizes of the axes in Keras's sorted order of the axes as given. */
  @Override
  public List<WeightSpec> weights(Shape input) {
    int rank = input.numDimensions();
    long[] dims = Arrays.stream(sortedAsGiven()).mapToLong(a -> input.get(a < 0 ? a + rank : a))
        .toArray();
    return gammaBeta(Shape.of(dims), scale || rmsScaling, center && !rmsScaling);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    Shape shape = input.shape();
    int[] axes = axis.resolve(className(), shape);
    Operand<TFloat32> gamma = weight(context, "gamma", scale || rmsScaling, shape, axes);
    if (rmsScaling) {
      Operand<TFloat32> out = tf.math.mul(input, tf.math.rsqrt(
          tf.math.add(variance(tf, input, axes), tf.constant((float) epsilon))));
      return LayerOutput.of(gamma == null ? out : tf.math.mul(out, gamma));
    }
    Operand<TFloat32> beta = weight(context, "beta", center, shape, axes);
    return LayerOutput.of(Moments.of(tf, input, axes).normalize(tf, input, epsilon, gamma, beta));
  }

  /** The weight reshaped (row-major, as Keras) to the input's sizes on the axes and 1 elsewhere. */
  private static Operand<TFloat32> weight(LayerContext context, String name, boolean present,
      Shape input, int[] axes) {
    if (!present) {
      return null;
    }
    long[] broadcast = new long[input.numDimensions()];
    Arrays.fill(broadcast, 1);
    for (int a : axes) {
      broadcast[a] = input.get(a);
    }
    return context.tf().reshape(context.weight(name), context.tf().constant(broadcast));
  }

  /** {@code tf.math.reduce_variance(x, axes, keepdims=True)}, the gradient flowing through the mean. */
  private static Operand<TFloat32> variance(Ops tf, Operand<TFloat32> x, int[] axes) {
    Operand<TInt32> reduction = tf.constant(axes);
    Operand<TFloat32> mean = tf.math.mean(x, reduction, Mean.keepDims(true));
    return tf.math.mean(tf.math.square(tf.math.sub(x, mean)), reduction, Mean.keepDims(true));
  }

  private int[] sortedAsGiven() {
    return IntStream.of(axis.values()).sorted().toArray();
  }

  /** Keras writes the axes as the sorted list its build makes of them. */
  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("axis", Axes.list(sortedAsGiven()).configValue());
    putEpsilonCenterScale(b).put("rms_scaling", rmsScaling);
    return putInitializers(b).build();
  }

  /** Reads Keras's LayerNormalization config. */
  public static LayerNormalization fromConfig(ConfigReader c) {
    return of().axis(Axes.read(c, "axis", Axes.of(-1)).values())
        .rmsScaling(c.getBool("rms_scaling", false)).withCenterScale(c);
  }
}
