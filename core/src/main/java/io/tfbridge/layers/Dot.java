package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Dot}: the dot product of two inputs along one axis of each, sample by sample
 * (Keras's {@code batch_dot}). The output has the first input's remaining axes, then the second's;
 * a result of rank 1 gets a last axis of length 1. With {@code normalize}, both inputs are
 * L2-normalized along their axis first, giving the cosine similarity.
 *
 * <pre>{@code
 * // (batch, q, d) and (batch, k, d) to (batch, q, k)
 * KerasTensor scores = Dot.of(2, 2).apply(queries, keys);
 * KerasTensor cosine = Dot.of(1).normalize(true).apply(a, b);
 * }</pre>
 */
public final class Dot extends Merge<Dot> {
  private static final float EPSILON = 1e-7f;
  private final int[] axes;
  private final boolean pair;
  private boolean normalize;

  private Dot(boolean pair, int... axes) {
    this.pair = pair;
    this.axes = axes;
  }

  /** The dot product along axis {@code axis} of both inputs (Keras's {@code axes=int}; 0 is the batch). */
  public static Dot of(int axis) {
    return new Dot(false, axis, axis);
  }

  /** The dot product along axis {@code first} of the first input and {@code second} of the second. */
  public static Dot of(int first, int second) {
    return new Dot(true, first, second);
  }

  /** A copy that L2-normalizes both inputs along their axes first (Keras's {@code normalize}). */
  public Dot normalize(boolean normalize) {
    Dot copy = copy();
    copy.normalize = normalize;
    return copy;
  }

  /** The axes of the first and the second input, as given (negative counts from the end). */
  public int[] axes() {
    return axes.clone();
  }

  /** Whether the inputs are L2-normalized first. */
  public boolean normalize() {
    return normalize;
  }

  @Override
  public String className() {
    return "Dot";
  }

  @Override
  public String namePrefix() {
    return "dot";
  }

  @Override
  protected Shape mergedShape(String layerName, List<Shape> inputs) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("A `Dot` layer should be called on a list of 2 inputs "
          + "(layer \"" + layerName + "\"). Received: input_shape=" + format(inputs));
    }
    Shape a = inputs.get(0);
    Shape b = inputs.get(1);
    int[] at = resolved(layerName, a, b);
    if (a.get(at[0]) >= 0 && b.get(at[1]) >= 0 && a.get(at[0]) != b.get(at[1])) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (Dot): Incompatible input "
          + "shapes: axis values " + a.get(at[0]) + " (at axis " + at[0] + ") != " + b.get(at[1])
          + " (at axis " + at[1] + "). Full input shapes: " + Shapes.format(a) + ", "
          + Shapes.format(b));
    }
    long[] out = java.util.stream.LongStream.concat(without(a, at[0], -1), without(b, at[1], 0))
        .toArray();
    return out.length == 1 ? Shape.of(out[0], 1) : Shape.of(out);
  }

  private static java.util.stream.LongStream without(Shape s, int axis, int alsoSkip) {
    return java.util.stream.IntStream.range(0, s.numDimensions())
        .filter(i -> i != axis && i != alsoSkip).mapToLong(s::get);
  }

  /** The axes made non-negative; the batch axis and axes beyond either rank are refused. */
  private int[] resolved(String layerName, Shape a, Shape b) {
    int[] ranks = {a.numDimensions(), b.numDimensions()};
    int[] at = new int[2];
    for (int i = 0; i < 2; i++) {
      at[i] = axes[i] < 0 ? Math.floorMod(axes[i], ranks[i]) : axes[i];
      if (ranks[i] < 2 || at[i] == 0 || at[i] >= ranks[i]) {
        throw new IllegalArgumentException("Layer \"" + layerName + "\" (Dot): cannot take the dot "
            + "product over axes=" + axesText() + " of inputs with shapes " + Shapes.format(a)
            + " and " + Shapes.format(b) + " (axis 0 is the batch axis, which cannot be included)");
      }
    }
    return at;
  }

  /**
   * One einsum: the batch letter shared, the contracted axes sharing a letter, every other axis its
   * own letter; a rank-1 result gains a last axis.
   */
  @Override
  protected Operand<TFloat32> merge(Ops tf, List<Operand<TFloat32>> inputs) {
    Operand<TFloat32> a = inputs.get(0);
    Operand<TFloat32> b = inputs.get(1);
    int[] at = resolved("dot", a.shape(), b.shape());
    if (normalize) {
      a = l2Normalize(tf, a, at[0]);
      b = l2Normalize(tf, b, at[1]);
    }
    String left = letters(a.shape().numDimensions(), at[0], 'c');
    String right = letters(b.shape().numDimensions(), at[1], (char) ('c' + left.length()));
    String out = left.replace("z", "") + right.substring(1).replace("z", "");
    Operand<TFloat32> y = tf.linalg.einsum(List.of(a, b), left + "," + right + "->" + out);
    return out.length() == 1 ? tf.expandDims(y, tf.constant(-1)) : y;
  }

  /** {@code a} for the batch axis, {@code z} for the contracted one, fresh letters from {@code from}. */
  private static String letters(int rank, int contracted, char from) {
    StringBuilder s = new StringBuilder("a");
    for (int i = 1; i < rank; i++) {
      s.append(i == contracted ? 'z' : (char) (from + i - 1));
    }
    return s.toString();
  }

  /** Keras's {@code normalize}: {@code x * min(rsqrt(sum(x^2)), 1 / epsilon)} along {@code axis}. */
  private static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x, int axis) {
    Operand<TFloat32> sum = tf.reduceSum(tf.math.square(x), tf.constant(axis), ReduceSum.keepDims(true));
    return tf.math.mul(x, tf.math.minimum(tf.math.rsqrt(sum), tf.constant(1f / EPSILON)));
  }

  private String axesText() {
    return pair ? Shapes.tuple(axes) : Integer.toString(axes[0]);
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder();
    b = pair ? b.putInts("axes", axes) : b.put("axes", axes[0]);
    return b.put("normalize", normalize).build();
  }

  /** Reads Keras's Dot config: axes an integer or a pair. */
  public static Dot fromConfig(ConfigReader c) {
    Dot dot;
    if (c.get("axes") instanceof List<?>) {
      int[] axes = c.getInts("axes", 2, null);
      dot = of(axes[0], axes[1]);
    } else {
      dot = of(c.getInt("axes"));
    }
    return dot.normalize(c.getBool("normalize", false));
  }

  /** Keras's Dot passes no mask on. */
  @Override
  public org.tensorflow.Operand<org.tensorflow.types.TBool> computeMask(LayerContext context,
      java.util.List<org.tensorflow.Operand<org.tensorflow.types.TFloat32>> inputs,
      java.util.List<org.tensorflow.Operand<org.tensorflow.types.TBool>> masks) {
    return null;
  }
}
