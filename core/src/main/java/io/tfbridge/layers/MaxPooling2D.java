package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MaxPooling2D} on channels-last images; strides default to the pool size.
 *
 * <pre>{@code
 * MaxPooling2D pool = MaxPooling2D.of(2, 2);
 * }</pre>
 */
public final class MaxPooling2D extends Layer<MaxPooling2D> {
  private final Window poolSize;
  private Window strides;
  private Padding padding = Padding.VALID;

  private MaxPooling2D(Window poolSize) {
    this.poolSize = poolSize;
    this.strides = poolSize;
  }

  /** Pooling over {@code rows x cols} windows (Keras's {@code pool_size}). */
  public static MaxPooling2D of(int rows, int cols) {
    return new MaxPooling2D(Window.of("pool_size", rows, cols));
  }

  /** Keras's default: 2 x 2 windows. */
  public static MaxPooling2D of() {
    return of(2, 2);
  }

  /** A copy with these strides (default: the pool size). */
  public MaxPooling2D strides(int rows, int cols) {
    MaxPooling2D copy = copy();
    copy.strides = Window.of("strides", rows, cols);
    return copy;
  }

  /** A copy with {@code "valid"} (default) or {@code "same"} padding. */
  public MaxPooling2D padding(String padding) {
    MaxPooling2D copy = copy();
    copy.padding = Padding.get(padding);
    return copy;
  }

  /** The pool size. */
  public Window poolSize() {
    return poolSize;
  }

  /** The strides. */
  public Window strides() {
    return strides;
  }

  /** The padding. */
  public Padding padding() {
    return padding;
  }

  @Override
  public String className() {
    return "MaxPooling2D";
  }

  @Override
  public String namePrefix() {
    return "max_pooling2d";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 4, 4);
    long rows = padding.outputLength(input.get(1), poolSize.rows(), strides.rows());
    long cols = padding.outputLength(input.get(2), poolSize.cols(), strides.cols());
    if (rows == 0 || cols == 0 || rows < -1 || cols < -1) {
      throw Shapes.incompatible(layerName,
          "spatial dimensions of at least " + poolSize + " with padding=\"valid\"", input);
    }
    return Shape.of(input.get(0), rows, cols, input.get(3));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    return LayerOutput.of(tf.nn.maxPool(input,
        tf.constant(toInts(poolSize)), tf.constant(toInts(strides)), padding.tfName()));
  }

  private static int[] toInts(Window w) {
    return new int[] {1, w.rows(), w.cols(), 1};
  }
}
