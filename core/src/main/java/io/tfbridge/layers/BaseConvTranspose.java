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
 * Keras's {@code BaseConvTranspose}, the base of {@link Conv1DTranspose} and {@link Conv2DTranspose}:
 * the gradient of a convolution with respect to its input, used as a layer; the kernel is
 * {@code (k..., filters, in)}. The output length along each axis is Keras's, with
 * {@code keff = (k - 1) * dilation + 1}: {@code (n - 1) * s + keff + output_padding} for valid padding
 * (output_padding {@code max(keff, s) - keff} if not given), and {@code n * s} for same padding, or
 * {@code (n - 1) * s + keff % 2 + output_padding} when output_padding is given.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class BaseConvTranspose<L extends BaseConvTranspose<L>> extends ConvLayer<L> {
  private final int filters;
  private int[] outputPadding;

  BaseConvTranspose(int rank, int filters, int[] kernelSize) {
    super(rank, kernelSize, "kernel");
    this.filters = BaseConv.positiveFilters(filters);
  }

  /**
   * A copy with this output padding (Keras's {@code output_padding}: one per spatial axis, or one for
   * all, each below the stride; default none, i.e. null).
   */
  public L outputPadding(int... outputPadding) {
    L copy = copy();
    ((BaseConvTranspose<L>) copy).outputPadding =
        outputPadding == null ? null : Tuples.of("output_padding", rank(), outputPadding, true);
    return ((BaseConvTranspose<L>) copy).checked();
  }

  /** A copy with this kernel initializer (default glorot_uniform). */
  public L kernelInitializer(Initializer initializer) {
    return withInitializer("kernel", initializer);
  }

  /** The number of filters (output channels). */
  public int filters() {
    return filters;
  }

  /** The output padding, or null when not given. */
  public int[] outputPadding() {
    return outputPadding == null ? null : outputPadding.clone();
  }

  /** The kernel initializer. */
  public Initializer kernelInitializer() {
    return initializer("kernel");
  }

  @Override
  void checkOptions() {
    int[] strides = strides();
    for (int i = 0; outputPadding != null && i < outputPadding.length; i++) {
      if (outputPadding[i] >= strides[i]) {
        throw new IllegalArgumentException("`output_padding` must be strictly less than `strides` "
            + "for all dimensions. At dimension " + i + ", `output_padding` is " + outputPadding[i]
            + " but `strides` is " + strides[i] + ". Received: output_padding="
            + Tuples.format(outputPadding) + ", strides=" + Tuples.format(strides));
      }
    }
  }

  @Override
  long outputChannels(long inputChannels) {
    return filters;
  }

  @Override
  long outputLength(int axis, long input) {
    return input < 0 ? -1 : input * strides()[axis] + offset(axis);
  }

  /** The output length minus {@code n * stride} along {@code axis}, which depends on no input size. */
  private int offset(int axis) {
    int keff = effectiveKernel(axis);
    int s = strides()[axis];
    if (padding() == Padding.VALID) {
      int extra = outputPadding == null ? Math.max(keff, s) - keff : outputPadding[axis];
      return keff + extra - s;
    }
    return outputPadding == null ? 0 : keff % 2 + outputPadding[axis] - s;
  }

  @Override
  List<WeightSpec> kernelWeights(long inputChannels) {
    int[] k = kernelSize();
    long[] dims = new long[rank() + 2];
    for (int i = 0; i < k.length; i++) {
      dims[i] = k[i];
    }
    dims[rank()] = filters;
    dims[rank() + 1] = inputChannels;
    return List.of(WeightSpec.trainable("kernel", Shape.of(dims), kernelInitializer()));
  }

  @Override
  Operand<TFloat32> convolve(LayerContext context, Operand<TFloat32> input) {
    int[] offsets = new int[rank()];
    java.util.Arrays.setAll(offsets, this::offset);
    return ConvOps.transpose(context.tf(), input, kernel2d(context, "kernel"), as2d(strides(), 1),
        as2d(dilationRate(), 1), padding(), as2d(offsets, 0), filters);
  }

  @Override
  void putLeading(Config.Builder b) {
    b.put("filters", filters);
  }

  @Override
  void putAfterPadding(Config.Builder b) {
    if (outputPadding == null) {
      b.putNull("output_padding");
    } else {
      b.putInts("output_padding", outputPadding);
    }
  }

  /** Reads a Conv1DTranspose or Conv2DTranspose config with the constructor from filters and kernel_size. */
  static <L extends BaseConvTranspose<L>> L read(ConfigReader c, int rank,
      BiFunction<Integer, int[], L> make) {
    L layer = make.apply(c.getInt("filters"), c.getInts("kernel_size", rank, null));
    c.requireDefault("groups", 1); // tf.keras 2 wrote groups=1 for every convolution
    int[] outputPadding = c.get("output_padding") == null ? null
        : c.getInts("output_padding", rank, null);
    return withConvOptions(c, layer).outputPadding(outputPadding);
  }
}
