package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The base of Keras's 2D pooling layers on channels-last images: pool size, strides (default: the pool
 * size) and padding, and the output shape they give. Subclasses pick the reduction.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class Pooling2D<L extends Pooling2D<L>> extends Layer<L> {
  private final Window poolSize;
  private Window strides;
  private Padding padding = Padding.VALID;

  protected Pooling2D(Window poolSize) {
    this.poolSize = poolSize;
    this.strides = poolSize;
  }

  /** A copy with these strides (default: the pool size). */
  public L strides(int rows, int cols) {
    L copy = copy();
    ((Pooling2D<L>) copy).strides = Window.of("strides", rows, cols);
    return copy;
  }

  /** A copy with {@code "valid"} (default) or {@code "same"} padding. */
  public L padding(String padding) {
    L copy = copy();
    ((Pooling2D<L>) copy).padding = Padding.get(padding);
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
    return LayerOutput.of(pool(context.tf(), input));
  }

  /** The pooled tensor: this layer's reduction over its windows, strides and padding. */
  protected abstract Operand<TFloat32> pool(Ops tf, Operand<TFloat32> input);

  @Override
  public Config getConfig() {
    return Config.builder().putInts("pool_size", poolSize.rows(), poolSize.cols())
        .put("padding", padding.kerasName()).putInts("strides", strides.rows(), strides.cols())
        .put("data_format", "channels_last").build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Reads pool_size (default 2x2), strides (default: the pool size) and padding into {@code layer}. */
  static <L extends Pooling2D<L>> L withPoolingOptions(ConfigReader c, java.util.function.BiFunction<Integer, Integer, L> of) {
    c.requireDefault("data_format", "channels_last");
    int[] pool = c.getInts("pool_size", 2, new int[] {2, 2});
    int[] strides = c.getInts("strides", 2, pool);
    return of.apply(pool[0], pool[1]).strides(strides[0], strides[1])
        .padding(c.getChoice("padding", "valid", "valid", "same"));
  }
}
