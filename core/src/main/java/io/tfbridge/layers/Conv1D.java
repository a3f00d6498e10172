package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Conv1D} on channels-last sequences {@code (batch, steps, channels)}: a Conv2D over
 * a single row, as TensorFlow's {@code conv1d} computes it.
 *
 * <pre>{@code
 * Conv1D conv = Conv1D.of(16, 3).activation("relu");
 * }</pre>
 */
public final class Conv1D extends KernelLayer<Conv1D> {
  private final int filters;
  private final int kernelSize;
  private int strides = 1;
  private Padding padding = Padding.VALID;

  private Conv1D(int filters, int kernelSize) {
    if (filters <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `filters`. Expected a strictly positive value. Received filters="
              + filters);
    }
    if (kernelSize <= 0) {
      throw new IllegalArgumentException(
          "The `kernel_size` argument must be a tuple of 1 positive integers. Received: ("
              + kernelSize + ",)");
    }
    this.filters = filters;
    this.kernelSize = kernelSize;
  }

  /** {@code filters} filters of {@code kernelSize} steps (Keras's {@code kernel_size}). */
  public static Conv1D of(int filters, int kernelSize) {
    return new Conv1D(filters, kernelSize);
  }

  /** A copy with this stride (default 1). */
  public Conv1D strides(int strides) {
    if (strides <= 0) {
      throw new IllegalArgumentException(
          "The `strides` argument must be a tuple of 1 positive integers. Received: (" + strides
              + ",)");
    }
    Conv1D copy = copy();
    copy.strides = strides;
    return copy;
  }

  /**
   * A copy with {@code "valid"} (default) or {@code "same"} padding.
   *
   * @throws IllegalArgumentException for {@code "causal"}, which tfbridge does not implement
   */
  public Conv1D padding(String padding) {
    if ("causal".equalsIgnoreCase(padding)) {
      throw new IllegalArgumentException("Conv1D padding=\"causal\" is not supported by tfbridge; "
          + "supported paddings: valid, same");
    }
    Conv1D copy = copy();
    copy.padding = Padding.get(padding);
    return copy;
  }

  /** The number of filters. */
  public int filters() {
    return filters;
  }

  /** The kernel size, in steps. */
  public int kernelSize() {
    return kernelSize;
  }

  /** The stride. */
  public int strides() {
    return strides;
  }

  /** The padding. */
  public Padding padding() {
    return padding;
  }

  @Override
  public String className() {
    return "Conv1D";
  }

  @Override
  public String namePrefix() {
    return "conv1d";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 3, 3);
    Shapes.knownLastAxis(layerName, input);
    long steps = padding.outputLength(input.get(1), kernelSize, strides);
    if (steps == 0 || steps < -1) {
      throw Shapes.incompatible(layerName,
          "at least " + kernelSize + " steps with padding=\"valid\"", input);
    }
    return Shape.of(input.get(0), steps, filters);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    long channels = input.get(2);
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(WeightSpec.trainable(
        "kernel", Shape.of(kernelSize, channels, filters), kernelInitializer));
    if (useBias) {
      specs.add(WeightSpec.trainable("bias", Shape.of(filters), biasInitializer));
    }
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    // (batch, 1, steps, channels) * (1, kernel, channels, filters), then the row axis dropped
    Operand<TFloat32> x = tf.expandDims(input, tf.constant(1));
    Operand<TFloat32> k = tf.expandDims(context.weight("kernel"), tf.constant(0));
    Operand<TFloat32> y = tf.squeeze(
        tf.nn.conv2d(x, k, List.of(1L, 1L, (long) strides, 1L), padding.tfName()),
        Squeeze.axis(1L));
    if (useBias) {
      y = tf.nn.biasAdd(y, context.weight("bias"));
    }
    return LayerOutput.activate(context, y, activation);
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("filters", filters)
        .putInts("kernel_size", kernelSize).putInts("strides", strides)
        .put("padding", padding.kerasName()).put("data_format", "channels_last")
        .putInts("dilation_rate", 1).put("groups", 1);
    putInitializers(putActivation(b));
    return b.putNull("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint").build();
  }

  /** Reads Keras's Conv1D config (channels_last, padding valid or same, dilation_rate 1, groups 1). */
  public static Conv1D fromConfig(ConfigReader c) {
    c.requireDefault("data_format", "channels_last");
    c.requireDefault("groups", 1);
    if (c.getInts("dilation_rate", 1, new int[] {1})[0] != 1) {
      throw c.unsupported("dilation_rate=" + c.get("dilation_rate"));
    }
    return of(c.getInt("filters"), c.getInts("kernel_size", 1, null)[0])
        .strides(c.getInts("strides", 1, new int[] {1})[0])
        .padding(c.getChoice("padding", "valid", "valid", "same"))
        .withKernelOptions(c, io.tfbridge.activations.Activation.LINEAR);
  }
}
