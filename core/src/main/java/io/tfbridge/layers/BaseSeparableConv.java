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
 * Keras's {@code BaseSeparableConv}, the base of {@link SeparableConv1D} and {@link SeparableConv2D}:
 * a depthwise convolution ({@code depthwise_kernel}, {@code (k..., in, depth_multiplier)}, with the
 * strides, padding and dilation) followed by a pointwise one ({@code pointwise_kernel},
 * {@code (1..., in * depth_multiplier, filters)}), then the bias ({@code filters}).
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class BaseSeparableConv<L extends BaseSeparableConv<L>> extends BaseDepthwiseConv<L> {
  private final int filters;

  BaseSeparableConv(int rank, int filters, int[] kernelSize) {
    super(rank, kernelSize, "depthwise", "pointwise");
    this.filters = BaseConv.positiveFilters(filters);
  }

  /** A copy with this initializer of the pointwise kernel (default glorot_uniform). */
  public L pointwiseInitializer(Initializer initializer) {
    return withInitializer("pointwise", initializer);
  }

  /** The number of filters (output channels). */
  public int filters() {
    return filters;
  }

  /** The initializer of the pointwise kernel. */
  public Initializer pointwiseInitializer() {
    return initializer("pointwise");
  }

  @Override
  long outputChannels(long inputChannels) {
    return filters;
  }

  @Override
  List<WeightSpec> kernelWeights(long inputChannels) {
    long[] pointwise = new long[rank() + 2];
    java.util.Arrays.fill(pointwise, 1);
    pointwise[rank()] = inputChannels * depthMultiplier();
    pointwise[rank() + 1] = filters;
    return List.of(depthwiseSpec(this, "depthwise_kernel", inputChannels, depthMultiplier()),
        WeightSpec.trainable("pointwise_kernel", Shape.of(pointwise), pointwiseInitializer()));
  }

  @Override
  Operand<TFloat32> convolve(LayerContext context, Operand<TFloat32> input) {
    Operand<TFloat32> depthwise = depthwise(this, context, input, "depthwise_kernel");
    return context.tf().nn.conv2d(depthwise, kernel2d(context, "pointwise_kernel"),
        ConvOps.nhwc(new int[] {1, 1}), "VALID");
  }

  @Override
  void putLeading(Config.Builder b) {
    super.putLeading(b);
    b.put("filters", filters);
  }

  /** Reads a SeparableConv1D or SeparableConv2D config with the constructor from filters and kernel_size. */
  static <L extends BaseSeparableConv<L>> L read(ConfigReader c, int rank,
      BiFunction<Integer, int[], L> make) {
    L layer = make.apply(c.getInt("filters"), c.getInts("kernel_size", rank, null));
    c.requireDefault("groups", 1); // tf.keras 2 wrote groups=1 for every convolution
    return withConvOptions(c, layer).depthMultiplier(c.getInt("depth_multiplier", 1));
  }
}
