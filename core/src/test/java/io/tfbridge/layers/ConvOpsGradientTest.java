package io.tfbridge.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * The gradients {@code Graph.addGradients} builds through {@link ConvOps} (dilation by
 * SpaceToBatchND, groups, causal padding, strided dilated depthwise, transposed convolutions, and
 * the dynamic-shape paddings), against central finite differences in float64, for the input and the
 * kernel; plus the forward outputs against a direct float64 reference where TensorFlow has one.
 *
 * <p>The loss is {@code sum(y * W)} with fixed random {@code W}, so every output element counts with
 * its own weight. float64 makes the check tight: eps 1e-6, error at most 1e-6 x max(1, |gradient|).
 */
class ConvOpsGradientTest {
  private static final double EPS = 1e-6;
  private static final double TOL = 1e-6;

  /** A graph function of placeholders (the input first, then the kernel). */
  private interface GraphFn extends BiFunction<Ops, List<Operand<TFloat64>>, Operand<TFloat64>> {}

  @Test
  void dilatedSameConv() {
    check((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {3, 2}, new int[] {1, 1},
        new int[] {2, 3}, Padding.SAME, 1), Shape.of(2, 6, 7, 2), Shape.of(3, 2, 2, 3));
  }

  @Test
  void dilatedValidConv() {
    check((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {2, 3}, new int[] {1, 1},
        new int[] {2, 2}, Padding.VALID, 1), Shape.of(1, 7, 8, 2), Shape.of(2, 3, 2, 2));
  }

  @Test
  void groupedStridedConv() {
    check((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {3, 3}, new int[] {2, 1},
        new int[] {1, 1}, Padding.SAME, 2), Shape.of(2, 5, 4, 4), Shape.of(3, 3, 2, 4));
  }

  @Test
  void groupedDilatedConv() {
    check((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {2, 2}, new int[] {1, 1},
        new int[] {2, 2}, Padding.SAME, 3), Shape.of(1, 5, 6, 3), Shape.of(2, 2, 1, 6));
  }

  @Test
  void causalDilatedConv1dAsOneRow() {
    check((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {1, 3}, new int[] {1, 1},
        new int[] {1, 2}, Padding.CAUSAL, 1), Shape.of(2, 1, 9, 2), Shape.of(1, 3, 2, 2));
  }

  @Test
  void dilatedDepthwise() {
    check((tf, in) -> ConvOps.depthwise(tf, in.get(0), in.get(1), new int[] {3, 3},
        new int[] {1, 1}, new int[] {2, 2}, Padding.SAME), Shape.of(1, 7, 6, 2), Shape.of(3, 3, 2, 2));
  }

  @Test
  void stridedDilatedDepthwise() {
    check((tf, in) -> ConvOps.depthwise(tf, in.get(0), in.get(1), new int[] {3, 2},
        new int[] {2, 3}, new int[] {2, 2}, Padding.SAME), Shape.of(2, 9, 8, 2), Shape.of(3, 2, 2, 1));
    check((tf, in) -> ConvOps.depthwise(tf, in.get(0), in.get(1), new int[] {2, 2},
        new int[] {2, 2}, new int[] {2, 3}, Padding.VALID), Shape.of(1, 9, 10, 2), Shape.of(2, 2, 2, 2));
  }

  @Test
  void stridedDepthwiseWithoutDilation() {
    check((tf, in) -> ConvOps.depthwise(tf, in.get(0), in.get(1), new int[] {3, 3},
        new int[] {2, 2}, new int[] {1, 1}, Padding.SAME), Shape.of(1, 7, 6, 3), Shape.of(3, 3, 3, 2));
  }

  @Test
  void transposed() {
    // valid, stride 2, output_padding 1: length (n - 1) * 2 + 3 + 1 = 2n + 2
    check((tf, in) -> ConvOps.transpose(tf, in.get(0), in.get(1), new int[] {2, 2},
        new int[] {1, 1}, Padding.VALID, new int[] {2, 2}, 3), Shape.of(2, 3, 4, 2), Shape.of(3, 3, 3, 2));
    // same, strides (2, 3): length n * s
    check((tf, in) -> ConvOps.transpose(tf, in.get(0), in.get(1), new int[] {2, 3},
        new int[] {1, 1}, Padding.SAME, new int[] {0, 0}, 2), Shape.of(1, 3, 2, 2), Shape.of(3, 2, 2, 2));
  }

  @Test
  void dilatedTransposed() {
    check((tf, in) -> ConvOps.transpose(tf, in.get(0), in.get(1), new int[] {1, 1},
        new int[] {2, 3}, Padding.SAME, new int[] {0, 0}, 2), Shape.of(1, 4, 5, 2), Shape.of(3, 2, 2, 2));
  }

  /**
   * A transposed convolution is the adjoint of the convolution with the same kernel (its last two
   * axes read the other way): {@code <conv(y), x> = <y, transpose(x)>}, dilated too, where TensorFlow
   * on CPU has no dilated Conv2DBackpropInput to compare with (nor has Keras on CPU).
   */
  @Test
  void dilatedTransposeIsTheAdjointOfTheDilatedConv() {
    for (Padding padding : List.of(Padding.SAME, Padding.VALID)) {
      int[] k = {3, 2};
      int[] d = {2, 3};
      // x: (1, 5, 4, 2) -> transpose -> y: (1, 5 + 4, 4 + 3, 3) for VALID, (1, 5, 4, 3) for SAME
      int[] offsets = padding == Padding.VALID ? new int[] {4, 3} : new int[] {0, 0};
      Shape xShape = Shape.of(1, 5, 4, 2);
      Shape yShape = Shape.of(1, 5 + offsets[0], 4 + offsets[1], 3);
      SplittableRandom random = new SplittableRandom(3);
      double[][] values = {uniform(random, xShape.size()), uniform(random, yShape.size()),
          uniform(random, 3 * 2 * 3 * 2)};
      Shape kShape = Shape.of(3, 2, 3, 2);
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        List<Operand<TFloat64>> in = List.of(
            tf.placeholder(TFloat64.class, Placeholder.shape(xShape)),
            tf.placeholder(TFloat64.class, Placeholder.shape(yShape)),
            tf.placeholder(TFloat64.class, Placeholder.shape(kShape)));
        Operand<TFloat64> up = ConvOps.transpose(tf, in.get(0), in.get(2), new int[] {1, 1}, d,
            padding, offsets, 3);
        Operand<TFloat64> down = ConvOps.conv(tf, in.get(1), in.get(2), k, new int[] {1, 1}, d,
            padding, 1);
        Operand<org.tensorflow.types.TInt32> all = tf.constant(new int[] {0, 1, 2, 3});
        Operand<TFloat64> lhs = tf.reduceSum(tf.math.mul(down, in.get(0)), all);
        Operand<TFloat64> rhs = tf.reduceSum(tf.math.mul(in.get(1), up), all);
        Shape[] shapes = {xShape, yShape, kShape};
        double left = run(s, lhs, in, shapes, values)[0];
        assertEquals(left, run(s, rhs, in, shapes, values)[0], 1e-12, padding.name());
        assertTrue(Math.abs(left) > 0.1, "a non-trivial inner product: " + left);
      }
    }
  }

  /** With unknown rows and columns the paddings come from the input's shape at run time. */
  @Test
  void dynamicSpatialSizes() {
    check((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {3, 3}, new int[] {1, 1},
        new int[] {2, 2}, Padding.SAME, 1), Shape.of(1, 7, 6, 2), Shape.of(3, 3, 2, 2), true);
    check((tf, in) -> ConvOps.depthwise(tf, in.get(0), in.get(1), new int[] {3, 3},
        new int[] {2, 2}, new int[] {2, 2}, Padding.SAME), Shape.of(1, 9, 8, 2), Shape.of(3, 3, 2, 1),
        true);
    check((tf, in) -> ConvOps.transpose(tf, in.get(0), in.get(1), new int[] {2, 2},
        new int[] {1, 1}, Padding.VALID, new int[] {1, 1}, 2), Shape.of(1, 3, 3, 2), Shape.of(3, 3, 2, 2),
        true);
  }

  /**
   * The negative control, and the reason for the SpaceToBatchND route: TensorFlow's built-in gradient
   * of a natively dilated Conv2D ignores the dilations, and this check notices.
   */
  @Test
  void nativeDilatedConvGradientIsWrong() {
    assertThrows(AssertionFailedError.class, () -> check((tf, in) -> tf.nn.conv2d(in.get(0),
        in.get(1), List.of(1L, 1L, 1L, 1L), "SAME",
        org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, 2L, 2L, 1L))),
        Shape.of(1, 6, 6, 2), Shape.of(3, 3, 2, 2)));
  }

  /** SpaceToBatchND's dilation equals TensorFlow's native dilated Conv2D forward (float64 CPU kernel). */
  @Test
  void dilatedForwardEqualsNativeDilatedConv() {
    for (Padding padding : List.of(Padding.SAME, Padding.VALID)) {
      double[] ours = forward((tf, in) -> ConvOps.conv(tf, in.get(0), in.get(1), new int[] {3, 2},
          new int[] {1, 1}, new int[] {2, 3}, padding, 1), Shape.of(2, 8, 7, 2), Shape.of(3, 2, 2, 3));
      double[] tfs = forward((tf, in) -> tf.nn.conv2d(in.get(0), in.get(1), List.of(1L, 1L, 1L, 1L),
          padding.tfName(), org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, 2L, 3L, 1L))),
          Shape.of(2, 8, 7, 2), Shape.of(3, 2, 2, 3));
      assertArrayEquals(tfs, ours, 1e-12, padding.name());
    }
  }

  /** A dilated graph with known sizes keeps its static output shape (Flatten and Dense need it). */
  @Test
  void knownSizesGiveStaticShapes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, 7, 6, 2)));
      var w = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(3, 3, 1, 4)));
      assertArrayEquals(new long[] {-1, 7, 6, 4}, ConvOps.conv(tf, x, w, new int[] {3, 3}, new int[] {1, 1},
          new int[] {2, 2}, Padding.SAME, 2).shape().asArray());
      var k = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(3, 3, 2, 1)));
      assertArrayEquals(new long[] {-1, 4, 3, 2}, ConvOps.depthwise(tf, x, k, new int[] {3, 3},
          new int[] {2, 2}, new int[] {2, 2}, Padding.SAME).shape().asArray());
      var t = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(3, 3, 5, 2)));
      assertArrayEquals(new long[] {-1, 15, 13, 5}, ConvOps.transpose(tf, x, t, new int[] {2, 2},
          new int[] {1, 1}, Padding.VALID, new int[] {1, 1}, 5).shape().asArray());
    }
  }

  private static void check(GraphFn f, Shape xShape, Shape kShape) {
    check(f, xShape, kShape, false);
  }

  /** Analytic gradients of sum(f(x, k) * W) for x and k against central differences. */
  private static void check(GraphFn f, Shape xShape, Shape kShape, boolean dynamic) {
    SplittableRandom random = new SplittableRandom(xShape.size() * 31 + kShape.size());
    double[][] values = {uniform(random, xShape.size()), uniform(random, kShape.size())};
    Shape[] shapes = {xShape, kShape};
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat64>> in = new ArrayList<>();
      in.add(tf.placeholder(TFloat64.class,
          Placeholder.shape(dynamic ? Shape.of(xShape.get(0), -1, -1, xShape.get(3)) : xShape)));
      in.add(tf.placeholder(TFloat64.class, Placeholder.shape(kShape)));
      Operand<TFloat64> y = f.apply(tf, in);
      long outSize = run(s, y, in, shapes, values).length;
      Operand<TFloat64> weights = tf.constant(Shape.of(outSize), DataBuffers.of(uniform(random, outSize)));
      Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(tf.reshape(y, tf.constant(new long[] {-1})),
          weights), tf.constant(0));
      Output<?>[] grads = g.addGradients(loss.asOutput(),
          new Output<?>[] {in.get(0).asOutput(), in.get(1).asOutput()});
      for (int i = 0; i < 2; i++) {
        @SuppressWarnings("unchecked")
        double[] analytic = run(s, (Operand<TFloat64>) grads[i], in, shapes, values);
        for (int j = 0; j < values[i].length; j++) {
          double keep = values[i][j];
          values[i][j] = keep + EPS;
          double plus = run(s, loss, in, shapes, values)[0];
          values[i][j] = keep - EPS;
          double minus = run(s, loss, in, shapes, values)[0];
          values[i][j] = keep;
          double numeric = (plus - minus) / (2 * EPS);
          assertTrue(Math.abs(numeric - analytic[j]) <= TOL * Math.max(1, Math.abs(numeric)),
              "input " + i + " element " + j + ": numeric " + numeric + ", analytic " + analytic[j]);
        }
      }
    }
  }

  private static double[] forward(GraphFn f, Shape xShape, Shape kShape) {
    SplittableRandom random = new SplittableRandom(7);
    double[][] values = {uniform(random, xShape.size()), uniform(random, kShape.size())};
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat64>> in = List.of(
          tf.placeholder(TFloat64.class, Placeholder.shape(xShape)),
          tf.placeholder(TFloat64.class, Placeholder.shape(kShape)));
      return run(s, f.apply(tf, in), in, new Shape[] {xShape, kShape}, values);
    }
  }

  private static double[] run(Session s, Operand<TFloat64> out, List<Operand<TFloat64>> in,
      Shape[] shapes, double[][] values) {
    var runner = s.runner();
    List<TFloat64> fed = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      TFloat64 t = TFloat64.tensorOf(shapes[i], DataBuffers.of(values[i], true, false));
      fed.add(t);
      runner.feed(in.get(i), t);
    }
    try (var result = runner.fetch(out).run()) {
      TFloat64 y = (TFloat64) result.get(0);
      double[] flat = new double[(int) y.shape().size()];
      y.copyTo(org.tensorflow.ndarray.NdArrays.wrap(y.shape(), DataBuffers.of(flat, false, false)));
      return flat;
    } finally {
      fed.forEach(TFloat64::close);
    }
  }

  private static double[] uniform(SplittableRandom random, long n) {
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextDouble(-1, 1);
    }
    return v;
  }
}
