package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The base of Keras's windowed pooling layers on channels-last inputs with one, two or three
 * spatial axes ({@code MaxPooling1D} ... {@code AveragePooling3D}): pool size, strides (default:
 * the pool size) and padding, and the output shape they give. Subclasses pick the reduction and the
 * number of axes.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class Pooling<L extends Pooling<L>> extends Layer<L> {
  private final PoolingMode mode;
  private final int[] poolSize;
  private int[] strides;
  private Padding padding = Padding.VALID;

  Pooling(PoolingMode mode, int... poolSize) {
    this.mode = mode;
    this.poolSize = Shapes.checkedTuple("pool_size", poolSize.length, false, poolSize);
    this.strides = this.poolSize;
  }

  /** A copy with these strides, one per spatial axis (default: the pool size). */
  public L strides(int... strides) {
    L copy = copy();
    ((Pooling<L>) copy).strides = Shapes.checkedTuple("strides", poolSize.length, false, strides);
    return copy;
  }

  /** A copy with {@code "valid"} (default) or {@code "same"} padding. */
  public L padding(String padding) {
    L copy = copy();
    ((Pooling<L>) copy).padding = Padding.get(padding);
    return copy;
  }

  /** The pool size, one per spatial axis. */
  public int[] poolSize() {
    return poolSize.clone();
  }

  /** The strides, one per spatial axis. */
  public int[] strides() {
    return strides.clone();
  }

  /** The padding. */
  public Padding padding() {
    return padding;
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    int rank = poolSize.length + 2;
    Shapes.requireRank(layerName, input, rank, rank);
    long[] dims = input.asArray();
    for (int i = 0; i < poolSize.length; i++) {
      long length = padding.outputLength(input.get(i + 1), poolSize[i], strides[i]);
      if (length == 0 || length < -1) {
        throw Shapes.incompatible(layerName, "spatial dimensions of at least "
            + Shapes.tuple(poolSize) + " with padding=\"valid\"", input);
      }
      dims[i + 1] = length;
    }
    return Shape.of(dims);
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    return LayerOutput.of(mode.pool(context.tf(), input, poolSize, strides, padding));
  }

  @Override
  public Config getConfig() {
    return Config.builder().putInts("pool_size", poolSize).put("padding", padding.kerasName())
        .putInts("strides", strides).put("data_format", "channels_last").build();
  }

  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /**
   * Reads pool_size ({@code defaultPool} if absent; Keras's AveragePooling layers have none), strides
   * (default: the pool size), padding and data_format (channels_last) into the layer {@code of} makes.
   */
  static <L extends Pooling<L>> L fromPoolingConfig(
      ConfigReader c, int axes, int[] defaultPool, Function<int[], L> of) {
    c.requireDefault("data_format", "channels_last");
    int[] pool = c.getInts("pool_size", axes, defaultPool);
    int[] strides = c.getInts("strides", axes, pool);
    return of.apply(pool).strides(strides).padding(c.getChoice("padding", "valid", "valid", "same"));
  }
}
