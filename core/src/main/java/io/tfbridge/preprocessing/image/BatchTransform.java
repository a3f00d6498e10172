package io.tfbridge.preprocessing.image;

import io.tfbridge.engine.HostTypes;
import io.tfbridge.inference.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TType;

/**
 * Keras's {@code apply_transform} on a batch [N, H, W, C], each image with its own parameters, in
 * Keras's order: affine warp, channel shift, horizontal flip, vertical flip, brightness; for a flow
 * also the generator's standardization. The ops are built once into a graph for an image size and
 * the generator's options (fill mode, cval, whether channel shifts and brightness are drawn) and run
 * in a session for every batch: a flow keeps one for its whole life (an eager session per batch cost
 * ~20 ms in op dispatch alone). Closing releases the graph and session; idempotent.
 *
 * <p>Two warps: the exact one ({@link AffineWarp}: scipy's float64 points, every fill mode) for
 * {@code applyTransform}, and for flows with the fill modes TensorFlow samples as scipy does
 * ("nearest", "reflect") the fused {@code ImageProjectiveTransformV3} kernel ({@link
 * ProjectiveWarp}: float32 points, within 2e-4 of Keras on 0-255 images, ~10 times fewer ops).
 */
final class BatchTransform implements AutoCloseable {
  /** What the graph depends on. */
  record Key(Shape image, FillMode mode, double cval, boolean shifts, boolean brightness,
      boolean fast, ImageDataGenerator standardizing) {
    /** Keras's {@code apply_transform} to 1e-4: the exact warp, no standardization. */
    static Key exact(Shape batch, List<TransformParams> params, FillMode mode, double cval) {
      return new Key(batch.tail(), mode, cval, shifts(params), brightness(params), false, null);
    }

    /**
     * A flow's batch: the fused warp where the fill mode allows it, then {@code generator}'s
     * standardization unless it has a preprocessing function (a Java function, run outside).
     */
    static Key flow(Shape batch, List<TransformParams> params, ImageDataGenerator generator) {
      boolean fast = ProjectiveWarp.supports(generator.fillMode);
      return new Key(batch.tail(), generator.fillMode, generator.cval, shifts(params),
          brightness(params), fast, Standardizer.inGraph(generator) ? generator : null);
    }

    private static boolean shifts(List<TransformParams> params) {
      return params.stream().anyMatch(p -> p.channelShiftIntensity() != null);
    }

    private static boolean brightness(List<TransformParams> params) {
      return params.stream().anyMatch(p -> p.brightness() != null);
    }
  }

  private final Key key;
  private final Graph graph;
  private final Session session;
  private final Operand<TFloat32> output;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TFloat64> maps;
  private final Placeholder<TFloat64> shift;
  private final Placeholder<TFloat32> factor;
  private final List<Placeholder<TBool>> flags;
  private boolean closed;

  BatchTransform(Key key) {
    this.key = key;
    int channels = (int) key.image().size(2);
    if (key.brightness() && channels != 1 && channels != 3 && channels != 4) {
      throw new IllegalArgumentException("Unsupported channel number: " + channels);
    }
    graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      images = tf.placeholder(TFloat32.class, Placeholder.shape(key.image().prepend(-1)));
      maps = tf.placeholder(TFloat64.class);
      shift = tf.placeholder(TFloat64.class);
      factor = tf.placeholder(TFloat32.class);
      flags = List.of(tf.placeholder(TBool.class), tf.placeholder(TBool.class),
          tf.placeholder(TBool.class), tf.placeholder(TBool.class));
      output = build(tf);
      session = new Session(graph);
    } catch (RuntimeException | Error e) {
      graph.close();
      throw e;
    }
  }

  /** The transformed batch, one-off ({@code params} holds one entry per image). */
  static FloatNdArray apply(FloatNdArray images, List<TransformParams> params, FillMode mode,
      double cval) {
    try (BatchTransform t = new BatchTransform(Key.exact(check(images, params), params, mode,
        cval))) {
      return t.run(images, params);
    }
  }

  Key key() {
    return key;
  }

  /** Transforms {@code batch} (its image shape must be this transform's). */
  FloatNdArray run(FloatNdArray batch, List<TransformParams> params) {
    return run(batch, IntStream.range(0, params.size()).toArray(), params);
  }

  /**
   * Transforms the images {@code rows} of {@code source}, copied straight into the input tensor (a
   * flow's batch makes no intermediate array).
   */
  FloatNdArray run(FloatNdArray source, int[] rows, List<TransformParams> params) {
    if (closed) {
      throw new IllegalStateException("the image transform is closed");
    }
    Shape shape = check(source, rows, params);
    int height = (int) shape.size(1);
    int width = (int) shape.size(2);
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      feed(runner, fed, images, (TFloat32) HostTypes.gather(DType.FLOAT32, source, rows, 0,
          rows.length));
      feed(runner, fed, maps, maps(params, height, width));
      if (key.shifts()) {
        feed(runner, fed, shift, perImage64(params, p -> orZero(p.channelShiftIntensity())));
        feed(runner, fed, flags.get(0), flags(params, p -> p.channelShiftIntensity() != null));
      }
      if (!key.fast()) {
        feed(runner, fed, flags.get(1), flags(params, TransformParams::flipHorizontal));
        feed(runner, fed, flags.get(2), flags(params, TransformParams::flipVertical));
      }
      if (key.brightness()) {
        feed(runner, fed, factor, TFloat32.tensorOf(perImage(params, p -> orZero(p.brightness()))));
        feed(runner, fed, flags.get(3), flags(params, p -> p.brightness() != null));
      }
      return fetch(runner, shape);
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Feeds {@code tensor} (closed by the caller through {@code fed}) to {@code placeholder}. */
  private static <T extends TType> void feed(Session.Runner runner, List<Tensor> fed,
      Placeholder<T> placeholder, T tensor) {
    fed.add(tensor);
    runner.feed(placeholder, tensor);
  }

  private FloatNdArray fetch(Session.Runner runner, Shape shape) {
    try (Result result = runner.fetch(output).run()) {
      FloatNdArray out = NdArrays.ofFloats(shape);
      ((TFloat32) result.get(0)).copyTo(out);
      return out;
    }
  }

  /** One map per image ([N, 6]); the fused warp's maps include the flips. */
  private TFloat64 maps(List<TransformParams> params, int height, int width) {
    double[] m = new double[params.size() * 6];
    for (int i = 0; i < params.size(); i++) {
      double[] map = AffineMatrix.of(params.get(i), height, width);
      if (key.fast()) {
        map = AffineMatrix.flipped(map, params.get(i), height, width);
      }
      System.arraycopy(map, 0, m, i * 6, 6);
    }
    return TFloat64.tensorOf(Shape.of(params.size(), 6), DataBuffers.of(m, true, false));
  }

  private Operand<TFloat32> build(Ops tf) {
    int height = (int) key.image().size(0);
    int width = (int) key.image().size(1);
    Operand<TFloat32> x = key.fast()
        ? ProjectiveWarp.warp(tf, images, maps, height, width, key.mode())
        : AffineWarp.warp(tf, images, maps, height, width, key.mode(), key.cval());
    if (key.shifts()) {
      x = PixelOps.channelShift(tf, x, shift, flags.get(0));
    }
    if (!key.fast()) {
      x = PixelOps.flip(tf, x, 2, flags.get(1));
      x = PixelOps.flip(tf, x, 1, flags.get(2));
    }
    if (key.brightness()) {
      x = PixelOps.brightness(tf, x, factor, flags.get(3), (int) key.image().size(2));
    }
    return key.standardizing() == null ? x : Standardizer.steps(key.standardizing(), tf, x);
  }

  private static Shape check(FloatNdArray images, List<TransformParams> params) {
    Shape shape = images.shape();
    if (shape.numDimensions() != 4 || shape.size(0) != params.size()) {
      throw new IllegalArgumentException("Expected a batch of " + params.size()
          + " images of shape (height, width, channels). Received: " + shape);
    }
    return shape;
  }

  /** The shape of the batch of {@code rows} of {@code source}, one params entry per row. */
  private static Shape check(FloatNdArray source, int[] rows, List<TransformParams> params) {
    Shape shape = source.shape();
    if (shape.numDimensions() != 4 || rows.length != params.size()) {
      throw new IllegalArgumentException("Expected " + params.size() + " images of shape (height,"
          + " width, channels). Received: " + rows.length + " rows of " + shape);
    }
    return Shape.of(rows.length).append(shape.tail());
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  private static TFloat64 perImage64(List<TransformParams> params,
      ToDoubleFunction<TransformParams> value) {
    double[] values = params.stream().mapToDouble(value).toArray();
    return TFloat64.tensorOf(Shape.of(values.length, 1, 1, 1), DataBuffers.of(values, true, false));
  }

  private static FloatNdArray perImage(List<TransformParams> params,
      ToDoubleFunction<TransformParams> value) {
    float[] values = new float[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) value.applyAsDouble(params.get(i));
    }
    return NdArrays.wrap(Shape.of(values.length, 1, 1, 1), DataBuffers.of(values, true, false));
  }

  private static TBool flags(List<TransformParams> params, Predicate<TransformParams> flag) {
    TBool t = TBool.tensorOf(Shape.of(params.size(), 1, 1, 1));
    for (int i = 0; i < params.size(); i++) {
      t.setBoolean(flag.test(params.get(i)), i, 0, 0, 0);
    }
    return t;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
      graph.close();
    }
  }
}
