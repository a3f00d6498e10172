package io.tfbridge.layers;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.tensorflow.ndarray.Shape;

/** Shape helpers that speak Keras: {@code (None, 28, 28, 1)}, and its incompatibility errors. */
public final class Shapes {
  private Shapes() {}

  /** Keras's rendering of a shape: unknown dimensions as {@code None}, e.g. {@code (None, 10)}. */
  public static String format(Shape shape) {
    return format(shape.asArray());
  }

  /** Keras's rendering of a shape given as dimensions. */
  public static String format(long... dims) {
    String body = LongStream.of(dims)
        .mapToObj(d -> d < 0 ? "None" : Long.toString(d))
        .collect(Collectors.joining(", "));
    return "(" + body + (dims.length == 1 ? ",)" : ")");
  }

  /** {@code (None, dims...)}: a feature shape with an unknown batch dimension in front. */
  public static Shape withBatch(Shape features) {
    return Shape.of(-1).append(features);
  }

  /** The shape without its first (batch) dimension. */
  public static Shape features(Shape shape) {
    return shape.tail();
  }

  static Shape checkedFeatureShape(String layer, long... dims) {
    if (dims.length == 0 || Arrays.stream(dims).anyMatch(d -> d <= 0)) {
      throw new IllegalArgumentException(
          "Layer " + layer + ": input_shape must list positive dimensions, found "
              + Arrays.toString(dims));
    }
    return Shape.of(dims);
  }

  /**
   * {@code values} checked as Keras's {@code standardize_tuple}: exactly {@code n} integers, each
   * positive (or, if {@code allowZero}, non-negative); the error names the argument.
   */
  static int[] checkedTuple(String argument, int n, boolean allowZero, int... values) {
    boolean ok = values.length == n
        && Arrays.stream(values).allMatch(v -> allowZero ? v >= 0 : v > 0);
    if (!ok) {
      throw new IllegalArgumentException("The `" + argument + "` argument must be a tuple of " + n
          + (allowZero ? " non-negative" : " positive") + " integers. Received " + argument + "="
          + tuple(values));
    }
    return values.clone();
  }

  /** Keras's rendering of a tuple of integers: {@code (2, 2)}, {@code (3,)}. */
  static String tuple(int... values) {
    String body = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return "(" + body + (values.length == 1 ? ",)" : ")");
  }

  /**
   * Checks the rank of a layer's input, with Keras's message: {@code Input 0 of layer "conv2d" is
   * incompatible with the layer: expected ndim=4, found ndim=2. Full shape received: (None, 4)}.
   */
  public static void requireRank(String layerName, Shape input, int minRank, int maxRank) {
    int rank = input.numDimensions();
    if (rank < minRank || rank > maxRank) {
      String expected = minRank == maxRank ? "ndim=" + minRank : "min_ndim=" + minRank;
      throw incompatible(layerName, expected + ", found ndim=" + rank, input);
    }
  }

  /** Checks that an input's last axis is known, as layers with weights need. */
  public static long knownLastAxis(String layerName, Shape input) {
    long last = input.get(input.numDimensions() - 1);
    if (last < 0) {
      throw incompatible(layerName, "a defined last dimension", input);
    }
    return last;
  }

  /** Keras's incompatible-input error for layer {@code layerName}. */
  public static IllegalArgumentException incompatible(String layerName, String expected, Shape found) {
    return new IllegalArgumentException(
        "Input 0 of layer \"" + layerName + "\" is incompatible with the layer: expected "
            + expected + ". Full shape received: " + format(found));
  }

  /**
   * NumPy broadcasting of two shapes (aligned on the right; a 1 stretches, -1 stays unknown).
   *
   * @throws IllegalArgumentException naming the layer and both shapes when they do not broadcast
   */
  public static Shape broadcast(String layerName, Shape a, Shape b) {
    int rank = Math.max(a.numDimensions(), b.numDimensions());
    long[] dims = new long[rank];
    for (int i = 0; i < rank; i++) {
      long x = dim(a, i - rank + a.numDimensions());
      long y = dim(b, i - rank + b.numDimensions());
      if (x == 1 || x == y) {
        dims[i] = y;
      } else if (y == 1) {
        dims[i] = x;
      } else if (x < 0 || y < 0) {
        dims[i] = Math.max(x, y) > 1 ? Math.max(x, y) : -1;
      } else {
        throw new IllegalArgumentException("Layer \"" + layerName + "\": shapes " + format(a)
            + " and " + format(b) + " cannot be broadcast together");
      }
    }
    return Shape.of(dims);
  }

  private static long dim(Shape s, int i) {
    return i < 0 ? 1 : s.get(i);
  }
}
