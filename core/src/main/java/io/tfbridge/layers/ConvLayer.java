package io.tfbridge.layers;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/**
 * What Keras's 1D and 2D convolutions share, on channels-last inputs {@code (batch, steps...,
 * channels)}: the window ({@code kernel_size}, {@code strides}, {@code padding},
 * {@code dilation_rate}), the initializers of its kernels (named as Keras names their options:
 * {@code kernel}, or {@code depthwise} and {@code pointwise}), the bias and activation, the output
 * shape, the config keys in Keras's order, and the forward pass (a 1D layer runs as 2D with one row).
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class ConvLayer<L extends ConvLayer<L>> extends BiasedLayer<L> {
  private final int rank;
  private final int[] kernelSize;
  private int[] strides;
  private Padding padding = Padding.VALID;
  private int[] dilationRate;
  private Map<String, Initializer> initializers = new LinkedHashMap<>();

  ConvLayer(int rank, int[] kernelSize, String... kernelNames) {
    this.rank = rank;
    this.kernelSize = Tuples.of("kernel_size", rank, kernelSize);
    this.strides = Tuples.ones(rank);
    this.dilationRate = Tuples.ones(rank);
    for (String name : kernelNames) {
      initializers.put(name, GlorotUniform.of());
    }
  }

  /** A copy with these strides: one per spatial axis, or one for all (default 1). */
  public L strides(int... strides) {
    L copy = copy();
    ((ConvLayer<L>) copy).strides = Tuples.of("strides", rank, strides);
    return ((ConvLayer<L>) copy).checked();
  }

  /** A copy with {@code "valid"} (default) or {@code "same"} padding ({@code "causal"}: Conv1D only). */
  public L padding(String padding) {
    L copy = copy();
    ((ConvLayer<L>) copy).padding = Padding.get(padding, allowsCausal());
    return copy;
  }

  /** A copy with this dilation rate: one per spatial axis, or one for all (default 1). */
  public L dilationRate(int... dilationRate) {
    L copy = copy();
    ((ConvLayer<L>) copy).dilationRate = Tuples.of("dilation_rate", rank, dilationRate);
    return ((ConvLayer<L>) copy).checked();
  }

  /** The kernel size, one entry per spatial axis. */
  public int[] kernelSize() {
    return kernelSize.clone();
  }

  /** The strides, one entry per spatial axis. */
  public int[] strides() {
    return strides.clone();
  }

  /** The padding. */
  public Padding padding() {
    return padding;
  }

  /** The dilation rate, one entry per spatial axis. */
  public int[] dilationRate() {
    return dilationRate.clone();
  }

  /** The number of spatial axes: 1 or 2. */
  public int rank() {
    return rank;
  }

  /** The initializer of kernel {@code name} ({@code kernel}, {@code depthwise}, {@code pointwise}). */
  final Initializer initializer(String name) {
    return initializers.get(name);
  }

  /** A copy whose kernel {@code name} starts from {@code initializer}. */
  final L withInitializer(String name, Initializer initializer) {
    L copy = copy();
    Map<String, Initializer> changed = new LinkedHashMap<>(initializers);
    changed.put(name, initializer);
    ((ConvLayer<L>) copy).initializers = changed;
    return copy;
  }

  /** Whether {@code padding="causal"} is allowed (Keras: Conv1D only). */
  boolean allowsCausal() {
    return false;
  }

  /** Whether strides and dilation above 1 may be combined (Keras: depthwise and separable only). */
  boolean allowsStridedDilation() {
    return false;
  }

  /** The number of output channels for this many input channels. */
  abstract long outputChannels(long inputChannels);

  /** Checks the input's channels (e.g. against groups), naming the layer and the input shape. */
  void checkChannels(String layerName, Shape input, long channels) {}

  /** The output length along spatial axis {@code axis} for an input length ({@code -1}: unknown). */
  long outputLength(int axis, long input) {
    return padding.outputLength(input, effectiveKernel(axis), strides[axis]);
  }

  /** The kernels' weight specs for this many input channels, in Keras's order (the bias follows). */
  abstract List<WeightSpec> kernelWeights(long inputChannels);

  /** The layer's output before bias and activation, on the NHWC input (one row for 1D layers). */
  abstract Operand<TFloat32> convolve(LayerContext context, Operand<TFloat32> input);

  /** Writes the options before kernel_size (filters, depth_multiplier). */
  abstract void putLeading(Config.Builder b);

  /** Writes the options between padding and data_format (Conv*Transpose's output_padding). */
  void putAfterPadding(Config.Builder b) {}

  /** Writes the options between dilation_rate and activation (Conv's groups). */
  void putAfterDilation(Config.Builder b) {}

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, rank + 2, rank + 2);
    long channels = Shapes.knownLastAxis(layerName, input);
    long[] dims = new long[rank + 2];
    dims[0] = input.get(0);
    for (int i = 0; i < rank; i++) {
      dims[i + 1] = outputLength(i, input.get(i + 1));
      if (dims[i + 1] == 0 || dims[i + 1] < -1) {
        throw Shapes.incompatible(layerName, "spatial dimensions of at least "
            + Tuples.format(effectiveKernels()) + " with padding=\"valid\"", input);
      }
    }
    checkChannels(layerName, input, channels);
    dims[rank + 1] = outputChannels(channels);
    return Shape.of(dims);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    long channels = input.get(rank + 1);
    List<WeightSpec> specs = new ArrayList<>(kernelWeights(channels));
    if (useBias) {
      specs.add(WeightSpec.trainable("bias",
          Shape.of(outputChannels(channels)), biasInitializer));
    }
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TFloat32> x = rank == 1 ? tf.expandDims(input, tf.constant(1)) : input;
    Operand<TFloat32> y = convolve(context, x);
    if (rank == 1) {
      y = tf.squeeze(y, Squeeze.axis(List.of(1L)));
    }
    if (useBias) {
      y = tf.nn.biasAdd(y, context.weight("bias"));
    }
    return LayerOutput.activate(context, y, activation);
  }

  /** The weight {@code name} as a 2D kernel (a 1D layer's kernel gets a leading axis of 1). */
  final Operand<TFloat32> kernel2d(LayerContext context, String name) {
    Operand<TFloat32> w = context.weight(name);
    return rank == 1 ? context.tf().expandDims(w, context.tf().constant(0)) : w;
  }

  /** A spatial option as the 2D op takes it: a 1D layer's value behind {@code rowValue}. */
  final int[] as2d(int[] values, int rowValue) {
    return rank == 1 ? new int[] {rowValue, values[0]} : values.clone();
  }

  /** The kernel's extent along {@code axis} with its dilation: {@code (k - 1) * d + 1}. */
  final int effectiveKernel(int axis) {
    return (kernelSize[axis] - 1) * dilationRate[axis] + 1;
  }

  private int[] effectiveKernels() {
    int[] k = new int[rank];
    Arrays.setAll(k, this::effectiveKernel);
    return k;
  }

  @Override
  public final Config getConfig() {
    Config.Builder b = Config.builder();
    putLeading(b);
    b.putInts("kernel_size", kernelSize).putInts("strides", strides).put("padding", padding.kerasName());
    putAfterPadding(b);
    b.put("data_format", "channels_last").putInts("dilation_rate", dilationRate);
    putAfterDilation(b);
    putActivation(b);
    initializers.forEach((name, init) -> b.put(name + "_initializer", Initializers.serialize(init)));
    b.put("bias_initializer", Initializers.serialize(biasInitializer));
    initializers.keySet().forEach(name -> b.putNull(name + "_regularizer"));
    b.putNull("bias_regularizer", "activity_regularizer");
    initializers.keySet().forEach(name -> b.putNull(name + "_constraint"));
    return b.putNull("bias_constraint").build();
  }

  /**
   * Reads what every convolution config has into {@code layer} (made by the caller from
   * kernel_size and filters): strides, padding, dilation_rate, activation, use_bias and the
   * initializers; refuses channels_first.
   */
  static <L extends ConvLayer<L>> L withConvOptions(ConfigReader c, L layer) {
    c.requireDefault("data_format", "channels_last");
    int rank = layer.rank();
    L read = layer.strides(c.getInts("strides", rank, Tuples.ones(rank)))
        .padding(layer.allowsCausal() ? c.getChoice("padding", "valid", "valid", "same", "causal")
            : c.getChoice("padding", "valid", "valid", "same"))
        .dilationRate(c.getInts("dilation_rate", rank, Tuples.ones(rank)))
        .withActivationOptions(c, Activation.LINEAR)
        .biasInitializer(c.initializer("bias_initializer", Zeros.of()));
    for (String name : ((ConvLayer<L>) layer).initializers.keySet()) {
      read = read.withInitializer(name, c.initializer(name + "_initializer", GlorotUniform.of()));
    }
    return read;
  }

  /** Checks options that constrain each other, whenever one of them changes. */
  void checkOptions() {}

  final L checked() {
    checkOptions();
    if (!allowsStridedDilation() && Arrays.stream(strides).max().getAsInt() > 1
        && Arrays.stream(dilationRate).max().getAsInt() > 1) {
      throw new IllegalArgumentException("`strides > 1` not supported in conjunction with "
          + "`dilation_rate > 1`. Received: strides=" + Tuples.format(strides) + " and dilation_rate="
          + Tuples.format(dilationRate));
    }
    @SuppressWarnings("unchecked")
    L self = (L) this;
    return self;
  }
}
