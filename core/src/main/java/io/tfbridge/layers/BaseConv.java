package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.function.BiFunction;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code BaseConv}, the base of {@link Conv1D} and {@link Conv2D}: {@code filters} filters,
 * each seeing {@code in / groups} input channels (kernel {@code (k..., in / groups, filters)}), with
 * dilation and, for Conv1D, causal padding.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class BaseConv<L extends BaseConv<L>> extends ConvLayer<L> {
  private final int filters;
  private int groups = 1;

  BaseConv(int rank, int filters, int[] kernelSize) {
    super(rank, kernelSize, "kernel");
    this.filters = positiveFilters(filters);
  }

  /**
   * A copy with the input channels split into {@code groups} groups, each convolved with
   * {@code filters / groups} filters (default 1); filters and the input channels must be multiples.
   */
  public L groups(int groups) {
    if (groups <= 0) {
      throw new IllegalArgumentException(
          "The number of groups must be a positive integer. Received: groups=" + groups + ".");
    }
    if (filters % groups != 0) {
      throw new IllegalArgumentException("The number of filters must be evenly divisible by the "
          + "number of groups. Received: groups=" + groups + ", filters=" + filters + ".");
    }
    L copy = copy();
    ((BaseConv<L>) copy).groups = groups;
    return copy;
  }

  /** A copy with this kernel initializer (default glorot_uniform). */
  public L kernelInitializer(Initializer initializer) {
    return withInitializer("kernel", initializer);
  }

  /** The number of filters. */
  public int filters() {
    return filters;
  }

  /** The number of groups. */
  public int groups() {
    return groups;
  }

  /** The kernel initializer. */
  public Initializer kernelInitializer() {
    return initializer("kernel");
  }

  @Override
  long outputChannels(long inputChannels) {
    return filters;
  }

  @Override
  void checkChannels(String layerName, Shape input, long channels) {
    if (channels % groups != 0) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": the number of input channels "
          + "must be evenly divisible by the number of groups. Received groups=" + groups
          + ", but the input has " + channels + " channels (full input shape is "
          + Shapes.format(input) + ").");
    }
  }

  @Override
  List<WeightSpec> kernelWeights(long inputChannels) {
    long[] dims = new long[rank() + 2];
    int[] k = kernelSize();
    for (int i = 0; i < k.length; i++) {
      dims[i] = k[i];
    }
    dims[rank()] = inputChannels / groups;
    dims[rank() + 1] = filters;
    return List.of(WeightSpec.trainable("kernel", Shape.of(dims), kernelInitializer()));
  }

  @Override
  Operand<TFloat32> convolve(LayerContext context, Operand<TFloat32> input) {
    return ConvOps.conv(context.tf(), input, kernel2d(context, "kernel"), as2d(kernelSize(), 1),
        as2d(strides(), 1), as2d(dilationRate(), 1), padding(), groups);
  }

  @Override
  void putLeading(Config.Builder b) {
    b.put("filters", filters);
  }

  @Override
  void putAfterDilation(Config.Builder b) {
    b.put("groups", groups);
  }

  /** Reads a Conv1D or Conv2D config with the layer's constructor from filters and kernel_size. */
  static <L extends BaseConv<L>> L read(ConfigReader c, int rank,
      BiFunction<Integer, int[], L> make) {
    L layer = make.apply(c.getInt("filters"), c.getInts("kernel_size", rank, null));
    return withConvOptions(c, layer).groups(c.getInt("groups", 1));
  }

  static int positiveFilters(int filters) {
    if (filters <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `filters`. Expected a strictly "
          + "positive value. Received filters=" + filters + ".");
    }
    return filters;
  }
}
