package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Conv2D} on channels-last images {@code (batch, rows, cols, channels)}.
 *
 * <pre>{@code
 * Conv2D conv = Conv2D.of(32, 3, 3).activation("relu").inputShape(28, 28, 1);
 * }</pre>
 */
public final class Conv2D extends KernelLayer<Conv2D> {
  private final int filters;
  private final Window kernel;
  private Window strides = Window.of("strides", 1, 1);
  private Padding padding = Padding.VALID;

  private Conv2D(int filters, Window kernel) {
    if (filters <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `filters`. Expected a strictly positive value. Received filters="
              + filters);
    }
    this.filters = filters;
    this.kernel = kernel;
  }

  /** {@code filters} filters of a {@code rows x cols} kernel (Keras's {@code kernel_size}). */
  public static Conv2D of(int filters, int rows, int cols) {
    return new Conv2D(filters, Window.of("kernel_size", rows, cols));
  }

  /** {@code filters} filters of a square {@code size x size} kernel. */
  public static Conv2D of(int filters, int size) {
    return of(filters, size, size);
  }

  /** A copy with these strides (default 1, 1). */
  public Conv2D strides(int rows, int cols) {
    Conv2D copy = copy();
    copy.strides = Window.of("strides", rows, cols);
    return copy;
  }

  /** A copy with {@code "valid"} (default) or {@code "same"} padding. */
  public Conv2D padding(String padding) {
    Conv2D copy = copy();
    copy.padding = Padding.get(padding);
    return copy;
  }

  /** The number of filters. */
  public int filters() {
    return filters;
  }

  /** The kernel size. */
  public Window kernelSize() {
    return kernel;
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
    return "Conv2D";
  }

  @Override
  public String namePrefix() {
    return "conv2d";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 4, 4);
    Shapes.knownLastAxis(layerName, input);
    long rows = padding.outputLength(input.get(1), kernel.rows(), strides.rows());
    long cols = padding.outputLength(input.get(2), kernel.cols(), strides.cols());
    if (rows == 0 || cols == 0 || rows < -1 || cols < -1) {
      throw Shapes.incompatible(layerName,
          "spatial dimensions of at least " + kernel + " with padding=\"valid\"", input);
    }
    return Shape.of(input.get(0), rows, cols, filters);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    long channels = input.get(3);
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(WeightSpec.trainable(
        "kernel", Shape.of(kernel.rows(), kernel.cols(), channels, filters), kernelInitializer));
    if (useBias) {
      specs.add(WeightSpec.trainable("bias", Shape.of(filters), biasInitializer));
    }
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    Operand<TFloat32> y = tf.nn.conv2d(
        input, context.weight("kernel"), strides.asNhwc(), padding.tfName());
    if (useBias) {
      y = tf.nn.biasAdd(y, context.weight("bias"));
    }
    return LayerOutput.activate(context, y, activation);
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("filters", filters)
        .putInts("kernel_size", kernel.rows(), kernel.cols())
        .putInts("strides", strides.rows(), strides.cols())
        .put("padding", padding.kerasName()).put("data_format", "channels_last")
        .putInts("dilation_rate", 1, 1).put("groups", 1);
    putInitializers(putActivation(b));
    return b.putNull("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint").build();
  }

  /** Reads Keras's Conv2D config (channels_last, dilation_rate 1, groups 1). */
  public static Conv2D fromConfig(ConfigReader c) {
    c.requireDefault("data_format", "channels_last");
    c.requireDefault("groups", 1);
    int[] dilation = c.getInts("dilation_rate", 2, new int[] {1, 1});
    if (dilation[0] != 1 || dilation[1] != 1) {
      throw c.unsupported("dilation_rate=" + java.util.Arrays.toString(dilation));
    }
    int[] kernel = c.getInts("kernel_size", 2, null);
    int[] strides = c.getInts("strides", 2, new int[] {1, 1});
    return of(c.getInt("filters"), kernel[0], kernel[1]).strides(strides[0], strides[1])
        .padding(c.getChoice("padding", "valid", "valid", "same"))
        .withKernelOptions(c, io.tfbridge.activations.Activation.LINEAR);
  }
}
