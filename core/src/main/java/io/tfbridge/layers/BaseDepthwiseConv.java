package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code BaseDepthwiseConv}, the base of {@link DepthwiseConv1D} and {@link DepthwiseConv2D}:
 * each input channel convolved on its own with {@code depth_multiplier} filters, giving
 * {@code in * depth_multiplier} channels; the kernel, named {@code kernel} as in Keras 3, is
 * {@code (k..., in, depth_multiplier)}. Strides and dilation may be combined. {@link BaseSeparableConv}
 * follows it with a pointwise convolution.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class BaseDepthwiseConv<L extends BaseDepthwiseConv<L>> extends ConvLayer<L> {
  private int depthMultiplier = 1;

  BaseDepthwiseConv(int rank, int[] kernelSize) {
    this(rank, kernelSize, "depthwise");
  }

  /** For {@link BaseSeparableConv}, whose kernels are {@code depthwise} and {@code pointwise}. */
  BaseDepthwiseConv(int rank, int[] kernelSize, String... kernelNames) {
    super(rank, kernelSize, kernelNames);
  }

  /** A copy with this many filters per input channel (default 1). */
  public L depthMultiplier(int depthMultiplier) {
    L copy = copy();
    ((BaseDepthwiseConv<L>) copy).depthMultiplier = positiveMultiplier(depthMultiplier);
    return copy;
  }

  /** A copy with this initializer of the depthwise kernel (default glorot_uniform). */
  public L depthwiseInitializer(Initializer initializer) {
    return withInitializer("depthwise", initializer);
  }

  /** The number of filters per input channel. */
  public int depthMultiplier() {
    return depthMultiplier;
  }

  /** The initializer of the depthwise kernel. */
  public Initializer depthwiseInitializer() {
    return initializer("depthwise");
  }

  @Override
  boolean allowsStridedDilation() {
    return true;
  }

  @Override
  long outputChannels(long inputChannels) {
    return inputChannels * depthMultiplier;
  }

  @Override
  List<WeightSpec> kernelWeights(long inputChannels) {
    return List.of(depthwiseSpec(this, "kernel", inputChannels, depthMultiplier));
  }

  @Override
  Operand<TFloat32> convolve(LayerContext context, Operand<TFloat32> input) {
    return depthwise(this, context, input, "kernel");
  }

  @Override
  void putLeading(Config.Builder b) {
    b.put("depth_multiplier", depthMultiplier);
  }

  /** Reads a DepthwiseConv1D or DepthwiseConv2D config with the layer's constructor from kernel_size. */
  static <L extends BaseDepthwiseConv<L>> L read(ConfigReader c, int rank, Function<int[], L> make) {
    L layer = make.apply(c.getInts("kernel_size", rank, null));
    c.requireDefault("groups", 1); // tf.keras 2 wrote groups=1 for every convolution
    return withConvOptions(c, layer).depthMultiplier(c.getInt("depth_multiplier", 1));
  }

  /** The depthwise kernel {@code (k..., in, multiplier)} of a depthwise or separable layer. */
  static WeightSpec depthwiseSpec(ConvLayer<?> layer, String name, long in, int multiplier) {
    int[] k = layer.kernelSize();
    long[] dims = new long[k.length + 2];
    for (int i = 0; i < k.length; i++) {
      dims[i] = k[i];
    }
    dims[k.length] = in;
    dims[k.length + 1] = multiplier;
    return WeightSpec.trainable(name, Shape.of(dims), layer.initializer("depthwise"));
  }

  /** The depthwise convolution of a depthwise or separable layer, with its strides and dilation. */
  static Operand<TFloat32> depthwise(ConvLayer<?> layer, LayerContext context,
      Operand<TFloat32> input, String kernel) {
    return ConvOps.depthwise(context.tf(), input, layer.kernel2d(context, kernel),
        layer.as2d(layer.kernelSize(), 1), layer.as2d(layer.strides(), 1),
        layer.as2d(layer.dilationRate(), 1), layer.padding());
  }

  static int positiveMultiplier(int depthMultiplier) {
    if (depthMultiplier <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `depth_multiplier`. Expected a "
          + "strictly positive value. Received depth_multiplier=" + depthMultiplier + ".");
    }
    return depthMultiplier;
  }
}
