package io.tfbridge.layers;

import io.tfbridge.initializers.Ones;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Normalization} preprocessing layer: {@code (x - mean) / max(sqrt(variance), 1e-7)}, or
 * with {@code invert} {@code mean + x * max(sqrt(variance), 1e-7)}, with one mean and variance per
 * position along {@code axis} (default the last; none means one for the whole input).
 *
 * <p>Without {@link #meanAndVariance} the statistics are the layer's non-trainable weights, as Keras
 * keeps what {@code adapt()} computed: {@code mean} (zeros), {@code variance} (ones), each of the kept
 * axes' shape, and a scalar {@code count} Keras keeps for old files (an int64 in Keras, unused; a float
 * here). Statistics given to the layer are constants of the graph and of the config, as in Keras.
 *
 * <pre>{@code
 * Normalization adapted = Normalization.of();                        // statistics loaded as weights
 * Normalization fixed = Normalization.of().meanAndVariance(new double[] {1, 2}, new double[] {4, 9});
 * Normalization whole = Normalization.of().axis(new int[0]);         // axis=None: one mean
 * }</pre>
 */
public final class Normalization extends Layer<Normalization> {
  private static final float EPSILON = 1e-7f;
  private Axes axis = Axes.list(-1);
  private ConstantArray mean;
  private ConstantArray variance;
  private boolean invert;

  private Normalization() {}

  /** Normalization along the last axis, with the statistics as weights. */
  public static Normalization of() {
    return new Normalization();
  }

  /**
   * A copy keeping a mean and variance per position along these axes; none ({@code new int[0]}, Keras's
   * {@code axis=None}) keeps one for the whole input.
   */
  public Normalization axis(int... axes) {
    Normalization copy = copy();
    copy.axis = Axes.list(axes);
    return copy;
  }

  /** A copy with these constant statistics (numbers that broadcast along the kept axes). */
  public Normalization meanAndVariance(double mean, double variance) {
    return withStatistics(ConstantArray.scalar(mean), ConstantArray.scalar(variance));
  }

  /** A copy with these constant statistics, one per position of the (last) kept axis. */
  public Normalization meanAndVariance(double[] mean, double[] variance) {
    return withStatistics(ConstantArray.vector(mean), ConstantArray.vector(variance));
  }

  private Normalization withStatistics(ConstantArray mean, ConstantArray variance) {
    if ((mean == null) != (variance == null)) {
      throw new IllegalArgumentException("When setting values directly, both `mean` and `variance` "
          + "must be set. Received: mean=" + mean + " and variance=" + variance);
    }
    if (mean != null && !Arrays.equals(mean.shape(), variance.shape())) {
      throw new IllegalArgumentException("When setting values directly, `mean` and `variance` must "
          + "have the same shape. Received: mean shape " + Shapes.format(mean.shape())
          + " and variance shape " + Shapes.format(variance.shape()));
    }
    Normalization copy = copy();
    copy.mean = mean;
    copy.variance = variance;
    return copy;
  }

  /** A copy that undoes the normalization instead (Keras's {@code invert}, default false). */
  public Normalization invert(boolean invert) {
    Normalization copy = copy();
    copy.invert = invert;
    return copy;
  }

  /** The kept axes, as given. */
  public int[] axis() {
    return axis.values().clone();
  }

  /** Whether the layer undoes the normalization. */
  public boolean invert() {
    return invert;
  }

  /** Whether mean and variance are constants (given) rather than weights (adapted). */
  public boolean hasConstantStatistics() {
    return mean != null;
  }

  @Override
  public String className() {
    return "Normalization";
  }

  @Override
  public String namePrefix() {
    return "normalization";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 1, Integer.MAX_VALUE);
    int[] keep = keptAxes(layerName, input);
    if (mean != null) {
      constantShape(layerName, input, keep);
    }
    return input;
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    if (mean != null) {
      return List.of();
    }
    long[] dims = Arrays.stream(keptAxes(className(), input)).mapToLong(input::get).toArray();
    Shape shape = Shape.of(dims);
    return List.of(new WeightSpec("mean", shape, Zeros.of(), false),
        new WeightSpec("variance", shape, Ones.of(), false),
        new WeightSpec("count", Shape.scalar(), Zeros.of(), false));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    Shape shape = input.shape();
    int[] keep = keptAxes(className(), shape);
    Operand<TFloat32> m;
    Operand<TFloat32> v;
    if (mean != null) {
      Shape constant = constantShape(className(), shape, keep);
      m = mean.constant(tf, constant);
      v = variance.constant(tf, constant);
    } else {
      Operand<org.tensorflow.types.TInt64> broadcast = tf.constant(broadcastShape(shape, keep));
      m = tf.reshape(context.weight("mean"), broadcast);
      v = tf.reshape(context.weight("variance"), broadcast);
    }
    Operand<TFloat32> scale = tf.math.maximum(tf.math.sqrt(v), tf.constant(EPSILON));
    return LayerOutput.of(invert ? tf.math.add(m, tf.math.mul(input, scale))
        : tf.math.div(tf.math.sub(input, m), scale));
  }

  /** The kept axes, non-negative and sorted, each of known size. */
  private int[] keptAxes(String layerName, Shape input) {
    int[] keep = axis.resolveKnown(layerName, input);
    Arrays.sort(keep);
    return keep;
  }

  /** The input's size along the kept axes, 1 elsewhere. */
  private static long[] broadcastShape(Shape input, int[] keep) {
    long[] dims = new long[input.numDimensions()];
    Arrays.fill(dims, 1);
    for (int d : keep) {
      dims[d] = input.get(d);
    }
    return dims;
  }

  /**
   * Keras's placing of given statistics: their dimensions line up with the kept axes from the right,
   * each 1 or the input's size there; every other axis is 1.
   */
  private Shape constantShape(String layerName, Shape input, int[] keep) {
    long[] dims = mean.shape();
    if (dims.length > keep.length) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": The rank of `mean` must be "
          + "less than or equal to the number of axes (" + keep.length + "). Received: mean shape "
          + Shapes.format(dims) + " for axis " + axis);
    }
    long[] placed = new long[input.numDimensions()];
    Arrays.fill(placed, 1);
    for (int i = 1; i <= dims.length; i++) {
      int d = keep[keep.length - i];
      long size = dims[dims.length - i];
      if (size != 1 && size != input.get(d)) {
        throw Shapes.incompatible(layerName, "size " + size + " at axis " + d + " to match mean "
            + "and variance of shape " + Shapes.format(dims), input);
      }
      placed[d] = size;
    }
    return Shape.of(placed);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("axis", axis.configValue()).put("invert", invert)
        .put("mean", mean == null ? null : mean.configValue())
        .put("variance", variance == null ? null : variance.configValue()).build();
  }

  /** Reads Keras's Normalization config: axis a list, an integer or null (no kept axis). */
  public static Normalization fromConfig(ConfigReader c) {
    boolean none = c.config().containsKey("axis") && !c.has("axis");
    Axes axes = none ? Axes.list() : Axes.read(c, "axis", Axes.list(-1));
    return of().axis(axes.values()).invert(c.getBool("invert", false))
        .withStatistics(ConstantArray.read(c, "mean"), ConstantArray.read(c, "variance"));
  }
}
