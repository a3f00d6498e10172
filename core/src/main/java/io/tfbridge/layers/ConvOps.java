package io.tfbridge.layers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The graph of Keras's convolutions on NHWC tensors (a 1D layer runs as 2D with one row), built only
 * from ops whose TensorFlow C++ gradients are right, so that {@code Graph.addGradients} trains them:
 *
 * <ul>
 *   <li>dilation: TensorFlow's own gradients of Conv2D and DepthwiseConv2dNative ignore their
 *       {@code dilations} (see /work/notes/gradients.md), so a dilated convolution runs as
 *       SpaceToBatchND, an undilated VALID convolution and BatchToSpaceND (what TensorFlow's Python
 *       {@code with_space_to_batch} does), then, with strides (depthwise only), a strided slice, as
 *       Keras decomposes strided dilated depthwise convolutions;
 *   <li>groups: the CPU kernel of Conv2D refuses grouped filters, so each group is its own Conv2D on
 *       its slice of the channels, concatenated;
 *   <li>transposed convolutions: Conv2DBackpropInput (its gradient is built in and right, dilated too).
 * </ul>
 *
 * Paddings that depend on the input size are computed in the graph from constants when the size is
 * known (so the output keeps its static shape), or from the input's dynamic shape otherwise.
 */
final class ConvOps {
  /** One undilated convolution on an NHWC tensor with TensorFlow strides and padding name. */
  @FunctionalInterface
  interface Conv<T extends TNumber> {
    Operand<T> apply(Operand<T> x, List<Long> strides, String padding);
  }

  private ConvOps() {}

  /**
   * Keras's {@code conv} with {@code groups} (the kernel is {@code (kh, kw, in / groups, filters)});
   * {@link Padding#CAUSAL} zero-pads the columns (a 1D layer's steps) in front, then runs VALID.
   */
  static <T extends TNumber> Operand<T> conv(Ops tf, Operand<T> x, Operand<T> kernel, int[] kernelSize,
      int[] strides, int[] dilation, Padding padding, int groups) {
    Operand<T> in = x;
    Padding p = padding;
    if (padding == Padding.CAUSAL) {
      int left = dilation[1] * (kernelSize[1] - 1);
      in = tf.pad(x, tf.constant(new int[][] {{0, 0}, {0, 0}, {left, 0}, {0, 0}}), zero(tf, x));
      p = Padding.VALID;
    }
    return dilated(tf, in, kernelSize, strides, dilation, p,
        (y, s, pad) -> grouped(tf, y, kernel, s, pad, groups));
  }

  /** Keras's {@code depthwise_conv}: the kernel is {@code (kh, kw, in, depth_multiplier)}. */
  static <T extends TNumber> Operand<T> depthwise(Ops tf, Operand<T> x, Operand<T> kernel,
      int[] kernelSize, int[] strides, int[] dilation, Padding padding) {
    return dilated(tf, x, kernelSize, equalStrides(x, kernelSize, strides), dilation, padding,
        (y, s, pad) -> tf.nn.depthwiseConv2dNative(y, kernel, s, pad));
  }

  /**
   * The strides with the one of a length-1 axis under a length-1 kernel (a 1D layer's extra axis)
   * set to the other's, which changes no output: TensorFlow's DepthwiseConv2dNative CPU kernel
   * refuses unequal row and column strides (oneDNN's accepted them), as Keras's backend does.
   */
  private static int[] equalStrides(Operand<?> x, int[] kernelSize, int[] strides) {
    if (strides[0] == strides[1]) {
      return strides;
    }
    for (int axis = 0; axis < 2; axis++) {
      if (x.shape().get(axis + 1) == 1 && kernelSize[axis] == 1) {
        return new int[] {strides[1 - axis], strides[1 - axis]};
      }
    }
    return strides;
  }

  /**
   * Keras's {@code conv_transpose} to spatial size {@code outputLength[i] = n[i] * strides[i] + offset[i]}
   * (see {@link BaseConvTranspose}); the kernel is {@code (kh, kw, filters, in)}.
   */
  static <T extends TNumber> Operand<T> transpose(Ops tf, Operand<T> x, Operand<T> kernel,
      int[] strides, int[] dilation, Padding padding, int[] offset, int filters) {
    Operand<TInt32> size = tf.math.add(tf.math.mul(spatialSize(tf, x), tf.constant(strides)),
        tf.constant(offset));
    Operand<TInt32> batch = tf.stridedSlice(tf.shape(x), tf.constant(new int[] {0}),
        tf.constant(new int[] {1}), tf.constant(new int[] {1}));
    Operand<TInt32> outputShape = tf.concat(List.of(batch, size, tf.constant(new int[] {filters})),
        tf.constant(0));
    return tf.nn.conv2dBackpropInput(outputShape, dilateKernel(tf, kernel, dilation), x,
        nhwc(strides), padding.tfName());
  }

  /**
   * The kernel with {@code dilation - 1} zeros between its taps along rows and columns: an undilated
   * convolution with it is the dilated one with the kernel (TensorFlow's CPU Conv2DBackpropInput
   * refuses dilations, as Keras on CPU shows).
   */
  static <T extends TNumber> Operand<T> dilateKernel(Ops tf, Operand<T> kernel, int[] dilation) {
    Operand<T> k = kernel;
    for (int axis = 0; axis < 2; axis++) {
      int d = dilation[axis];
      if (d == 1) {
        continue;
      }
      int[] dims = java.util.Arrays.stream(k.shape().asArray()).mapToInt(Math::toIntExact).toArray();
      int[][] pads = new int[dims.length + 1][2];
      pads[axis + 1][1] = d - 1;
      Operand<T> spread = tf.pad(tf.expandDims(k, tf.constant(axis + 1)), tf.constant(pads),
          zero(tf, k));
      int[] merged = dims.clone();
      merged[axis] = dims[axis] * d;
      int[] size = dims.clone();
      size[axis] = (dims[axis] - 1) * d + 1;
      // int32 begin and size: Slice's C++ gradient subtracts them from an int32 Shape
      k = tf.slice(tf.reshape(spread, tf.constant(merged)), tf.constant(new int[dims.length]),
          tf.constant(size));
    }
    return k;
  }

  /**
   * {@code conv} with the dilation done by SpaceToBatchND: the input padded as the dilated
   * convolution would pad it (and up to a multiple of the rate), one undilated VALID convolution per
   * phase, the phases put back and the extra rows cropped; then the strides, by a strided slice.
   */
  static <T extends TNumber> Operand<T> dilated(Ops tf, Operand<T> x, int[] kernelSize, int[] strides,
      int[] dilation, Padding padding, Conv<T> conv) {
    if (dilation[0] == 1 && dilation[1] == 1) {
      return conv.apply(x, nhwc(strides), padding.tfName());
    }
    Operand<TInt32> d = tf.constant(dilation);
    Operand<TInt32>[] padsAndCrops = spaceToBatchPaddings(tf, x, kernelSize, strides, dilation, padding);
    Operand<T> y = tf.batchToSpaceNd(conv.apply(tf.spaceToBatchNd(x, d, padsAndCrops[0]),
        nhwc(new int[] {1, 1}), Padding.VALID.tfName()), d, padsAndCrops[1]);
    if (strides[0] == 1 && strides[1] == 1) {
      return y;
    }
    Operand<TInt32> origin = tf.constant(new int[4]);
    return tf.stridedSlice(y, origin, origin, tf.constant(new int[] {1, strides[0], strides[1], 1}),
        StridedSlice.beginMask(15L), StridedSlice.endMask(15L));
  }

  /**
   * SpaceToBatchND's paddings {@code [[before, after + extra]]} per axis (the convolution's own
   * padding, and {@code extra} up to a multiple of the rate), and BatchToSpaceND's crops
   * {@code [[0, extra]]}.
   */
  @SuppressWarnings("unchecked")
  private static Operand<TInt32>[] spaceToBatchPaddings(Ops tf, Operand<?> x, int[] kernelSize,
      int[] strides, int[] dilation, Padding padding) {
    Operand<TInt32> n = spatialSize(tf, x);
    Operand<TInt32> d = tf.constant(dilation);
    Operand<TInt32> zeros = tf.constant(new int[] {0, 0});
    Operand<TInt32> total = padding == Padding.SAME ? samePadding(tf, n, kernelSize, strides, dilation)
        : zeros;
    Operand<TInt32> extra = tf.math.floorMod(tf.math.sub(d, tf.math.floorMod(tf.math.add(n, total), d)), d);
    Operand<TInt32> before = tf.math.floorDiv(total, tf.constant(2));
    Operand<TInt32> after = tf.math.add(tf.math.sub(total, before), extra);
    return new Operand[] {tf.stack(List.of(before, after), Stack.axis(1L)),
        tf.stack(List.of(zeros, extra), Stack.axis(1L))};
  }

  /** TensorFlow's SAME padding in total per axis: {@code max((ceil(n / s) - 1) * s + keff - n, 0)}. */
  private static Operand<TInt32> samePadding(Ops tf, Operand<TInt32> n, int[] kernelSize,
      int[] strides, int[] dilation) {
    Operand<TInt32> s = tf.constant(strides);
    int[] effective = {(kernelSize[0] - 1) * dilation[0] + 1, (kernelSize[1] - 1) * dilation[1] + 1};
    Operand<TInt32> out = tf.math.floorDiv(tf.math.add(n, tf.math.sub(s, tf.constant(1))), s);
    Operand<TInt32> needed = tf.math.sub(tf.math.add(tf.math.mul(tf.math.sub(out, tf.constant(1)), s),
        tf.constant(effective)), n);
    return tf.math.maximum(needed, tf.constant(0));
  }

  /** A Conv2D per group of channels (the kernel's output channels split the same way), concatenated. */
  private static <T extends TNumber> Operand<T> grouped(Ops tf, Operand<T> x, Operand<T> kernel,
      List<Long> strides, String padding, int groups) {
    if (groups == 1) {
      return tf.nn.conv2d(x, kernel, strides, padding);
    }
    long[] k = kernel.shape().asArray();
    if (k[2] == 1 && strides.get(1).equals(strides.get(2))) {
      // one input channel per group (ConvNeXt's 7x7 "depthwise" Conv2D, groups = channels): a
      // depthwise convolution, output channel c * m + j from input channel c, as in the grouped
      // convolution; one op instead of one per group (ConvNeXtTiny trained 4x faster)
      Operand<T> depthwiseKernel = tf.reshape(kernel, tf.constant(new long[] {k[0], k[1], groups,
          k[3] / groups}));
      return tf.nn.depthwiseConv2dNative(x, depthwiseKernel, strides, padding);
    }
    Operand<TInt32> channels = tf.constant(3);
    var xs = tf.split(channels, x, (long) groups).output();
    var ks = tf.split(channels, kernel, (long) groups).output();
    List<Operand<T>> ys = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      ys.add(tf.nn.conv2d(xs.get(g), ks.get(g), strides, padding));
    }
    return tf.concat(ys, channels);
  }

  /** The [rows, cols] of an NHWC tensor: a constant when both are known, else from its shape. */
  private static Operand<TInt32> spatialSize(Ops tf, Operand<?> x) {
    long rows = x.shape().get(1);
    long cols = x.shape().get(2);
    if (rows >= 0 && cols >= 0) {
      return tf.constant(new int[] {(int) rows, (int) cols});
    }
    return tf.stridedSlice(tf.shape(x), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
        tf.constant(new int[] {1}));
  }

  private static <T extends TNumber> Operand<T> zero(Ops tf, Operand<T> like) {
    return tf.zeros(tf.constant(new int[0]), like.type());
  }

  /** {@code [1, a, b, 1]}, the NHWC layout of strides and dilations. */
  static List<Long> nhwc(int[] spatial) {
    return List.of(1L, (long) spatial[0], (long) spatial[1], 1L);
  }
}
