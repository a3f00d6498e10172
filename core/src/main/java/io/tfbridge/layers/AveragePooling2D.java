package io.tfbridge.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code AveragePooling2D} on channels-last images; strides default to the pool size. With
 * {@code "same"} padding the padded positions are left out of each average (TensorFlow's AvgPool, as
 * Keras's TensorFlow backend).
 *
 * <pre>{@code
 * AveragePooling2D pool = AveragePooling2D.of(2, 2);
 * }</pre>
 */
public final class AveragePooling2D extends Layer<AveragePooling2D> {
  private final Window poolSize;
  private Window strides;
  private Padding padding = Padding.VALID;

  private AveragePooling2D(Window poolSize) {
    this.poolSize = poolSize;
    this.strides = poolSize;
  }

  /** Averaging over {@code rows x cols} windows (Keras's {@code pool_size}). */
  public static AveragePooling2D of(int rows, int cols) {
    return new AveragePooling2D(Window.of("pool_size", rows, cols));
  }

  /** A copy with these strides (default: the pool size). */
  public AveragePooling2D strides(int rows, int cols) {
    AveragePooling2D copy = copy();
    copy.strides = Window.of("strides", rows, cols);
    return copy;
  }

  /** A copy with {@code "valid"} (default) or {@code "same"} padding. */
  public AveragePooling2D padding(String padding) {
    AveragePooling2D copy = copy();
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
    return "AveragePooling2D";
  }

  @Override
  public String namePrefix() {
    return "average_pooling2d";
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
    return LayerOutput.of(tf.nn.avgPool(input,
        poolSize.asNhwc(), strides.asNhwc(), padding.tfName()));
  }
}
