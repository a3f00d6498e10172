package io.tfbridge.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.initializers.Zeros;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The convolution DSL: options, output shapes and parameter counts as Keras 3.15 computes them, the
 * config each layer writes and reads back, and Keras's errors for bad options and inputs. (Their
 * values against Keras are in the {@code conv} layer golden cases; their gradients in
 * {@link ConvOpsGradientTest}.)
 */
class ConvLayersTest {

  /**
   * Keras 3.15.1: {@code Sequential([Input((9, 4)), Conv1D(6, 3, padding="causal", dilation_rate=2,
   * groups=2), DepthwiseConv1D(2, depth_multiplier=2, strides=2, dilation_rate=2),
   * SeparableConv1D(3, 3, padding="same"), Conv1DTranspose(2, 3, strides=2, output_padding=1)])}.
   */
  @Test
  void oneDimensionalShapesAndParametersMatchKeras() {
    Sequential spec = Sequential.of(Input.of(9, 4),
        Conv1D.of(6, 3).padding("causal").dilationRate(2).groups(2),
        DepthwiseConv1D.of(2).depthMultiplier(2).strides(2).dilationRate(2),
        SeparableConv1D.of(3, 3).padding("same"),
        Conv1DTranspose.of(2, 3).strides(2).outputPadding(1));
    assertEquals(List.of("conv1d (None, 9, 6) 42", "depthwise_conv1d (None, 4, 12) 36",
        "separable_conv1d (None, 4, 3) 75", "conv1d_transpose (None, 10, 2) 20"), summary(spec));
  }

  /**
   * Keras 3.15.1: {@code Sequential([Input((11, 10, 2)), Conv2D(4, (3, 2), dilation_rate=(2, 1),
   * groups=2), DepthwiseConv2D(3, strides=2, padding="same", dilation_rate=2, depth_multiplier=3,
   * use_bias=False), SeparableConv2D(5, 2, depth_multiplier=2), Conv2DTranspose(3, (3, 2),
   * strides=(2, 3), padding="same"), Conv2DTranspose(2, 2, strides=3)])}.
   */
  @Test
  void twoDimensionalShapesAndParametersMatchKeras() {
    Sequential spec = Sequential.of(Input.of(11, 10, 2),
        Conv2D.of(4, 3, 2).dilationRate(2, 1).groups(2),
        DepthwiseConv2D.of(3).strides(2).padding("same").dilationRate(2).depthMultiplier(3)
            .useBias(false),
        SeparableConv2D.of(5, 2).depthMultiplier(2),
        Conv2DTranspose.of(3, 3, 2).strides(2, 3).padding("same"),
        Conv2DTranspose.of(2, 2).strides(3));
    assertEquals(List.of("conv2d (None, 7, 9, 4) 28", "depthwise_conv2d (None, 4, 5, 12) 108",
        "separable_conv2d (None, 3, 4, 5) 221", "conv2d_transpose (None, 6, 12, 3) 93",
        "conv2d_transpose_1 (None, 18, 36, 2) 26"), summary(spec));
  }

  @Test
  void fluentCopiesLeaveTheOriginalAlone() {
    Conv2D base = Conv2D.of(4, 3);
    Conv2D changed = base.strides(2, 1).padding("same").groups(2).kernelInitializer(Zeros.of());
    assertArrayEquals(new int[] {1, 1}, base.strides());
    assertArrayEquals(new int[] {2, 1}, changed.strides());
    assertEquals(Padding.VALID, base.padding());
    assertEquals(1, base.groups());
    assertEquals(2, changed.groups());
    assertTrue(changed.kernelInitializer() instanceof Zeros);
    assertArrayEquals(new int[] {2, 2}, base.dilationRate(2).dilationRate());
    assertArrayEquals(new int[] {3, 3}, base.kernelSize());
    assertNull(Conv2DTranspose.of(2, 3).outputPadding());
    assertArrayEquals(new int[] {1, 0}, Conv2DTranspose.of(2, 3).strides(2).outputPadding(1, 0)
        .outputPadding());
  }

  /** Each layer's config reads back into the same config, with every option set away from its default. */
  @Test
  void configsReadBack() {
    for (ConvLayer<?> layer : List.of(
        Conv1D.of(4, 3).padding("causal").dilationRate(2).groups(2).activation("relu"),
        Conv2D.of(4, 3, 2).strides(2, 1).padding("same").useBias(false).biasInitializer(Zeros.of()),
        DepthwiseConv1D.of(3).depthMultiplier(2).strides(2).dilationRate(3),
        DepthwiseConv2D.of(3, 2).depthwiseInitializer(Zeros.of()).padding("same"),
        SeparableConv1D.of(2, 3).depthMultiplier(3).pointwiseInitializer(Zeros.of()),
        SeparableConv2D.of(2, 3).dilationRate(1, 2).activation("tanh"),
        Conv1DTranspose.of(2, 4).strides(3).outputPadding(2),
        Conv2DTranspose.of(3, 2).dilationRate(2).padding("same"))) {
      Config written = layer.getConfig();
      Layer<?> read = KerasLayers.deserialize(layer.className(), written, "x");
      assertEquals(written, read.getConfig(), layer.className());
    }
  }

  /** Keras's key order, and null for the options tfbridge does not have. */
  @Test
  void separableConfigKeysInKerasOrder() {
    assertEquals(List.of("depth_multiplier", "filters", "kernel_size", "strides", "padding",
        "data_format", "dilation_rate", "activation", "use_bias", "depthwise_initializer",
        "pointwise_initializer", "bias_initializer", "depthwise_regularizer", "pointwise_regularizer",
        "bias_regularizer", "activity_regularizer", "depthwise_constraint", "pointwise_constraint",
        "bias_constraint"), List.copyOf(SeparableConv2D.of(2, 3).getConfig().keys()));
    assertEquals(List.of("filters", "kernel_size", "strides", "padding", "output_padding",
        "data_format", "dilation_rate", "activation", "use_bias", "kernel_initializer",
        "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint"),
        List.copyOf(Conv1DTranspose.of(2, 3).getConfig().keys()));
    assertNull(Conv1DTranspose.of(2, 3).getConfig().get("output_padding"));
  }

  @Test
  void badOptionsFailWithKerasMessages() {
    assertMessage("The number of filters must be evenly divisible by the number of groups. "
        + "Received: groups=3, filters=4.", () -> Conv2D.of(4, 3).groups(3));
    assertMessage("`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
        + "Received: strides=(2, 2) and dilation_rate=(1, 2)",
        () -> Conv2D.of(4, 3).strides(2).dilationRate(1, 2));
    assertMessage("`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
        + "Received: strides=(2,) and dilation_rate=(2,)",
        () -> Conv1DTranspose.of(4, 3).dilationRate(2).strides(2));
    assertMessage("`output_padding` must be strictly less than `strides` for all dimensions. At "
        + "dimension 1, `output_padding` is 1 but `strides` is 1. Received: output_padding=(1, 1), "
        + "strides=(2, 1)", () -> Conv2DTranspose.of(2, 3).strides(2, 1).outputPadding(1));
    assertMessage("The `kernel_size` argument must be a tuple of 2 integers. Received "
        + "kernel_size=(3, 0), including values {0} that do not satisfy `value > 0`",
        () -> Conv2D.of(2, 3, 0));
    assertMessage("The `strides` argument must be a tuple of 1 integers. Received strides=(1, 2)",
        () -> Conv1D.of(2, 3).strides(1, 2));
    assertMessage("Invalid value for argument `depth_multiplier`. Expected a strictly positive value. "
        + "Received depth_multiplier=0.", () -> DepthwiseConv2D.of(3).depthMultiplier(0));
    assertMessage("Invalid value for argument `filters`. Expected a strictly positive value. "
        + "Received filters=0.", () -> SeparableConv1D.of(0, 3));
    assertMessage("Unknown padding: 'causal'. Expected one of: valid, same",
        () -> DepthwiseConv1D.of(3).padding("causal"));
    assertMessage("Unknown padding: 'full'. Expected one of: valid, same, causal",
        () -> Conv1D.of(2, 3).padding("full"));
  }

  @Test
  void badInputsNameTheLayer() {
    assertMessage("Layer \"conv2d\": the number of input channels must be evenly divisible by the "
        + "number of groups. Received groups=2, but the input has 3 channels (full input shape is "
        + "(None, 5, 5, 3)).", () -> Sequential.of(Input.of(5, 5, 3), Conv2D.of(4, 3).groups(2)).build());
    assertMessage("Input 0 of layer \"depthwise_conv2d\" is incompatible with the layer: expected "
        + "spatial dimensions of at least (5, 3) with padding=\"valid\". Full shape received: "
        + "(None, 4, 6, 1)", () -> Sequential.of(Input.of(4, 6, 1),
            DepthwiseConv2D.of(3, 2).dilationRate(2)).build());
    assertMessage("Input 0 of layer \"separable_conv1d\" is incompatible with the layer: expected "
        + "ndim=3, found ndim=4. Full shape received: (None, 4, 6, 1)",
        () -> Sequential.of(Input.of(4, 6, 1), SeparableConv1D.of(2, 3)).build());
  }

  @Test
  void unsupportedConfigsAreRefused() {
    Config firstChannels = Conv2D.of(2, 3).getConfig().toBuilder()
        .put("data_format", "channels_first").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("Conv2D", firstChannels, "c"));
    assertEquals("layer 'c' (Conv2D): option data_format=\"channels_first\" is not supported by "
        + "tfbridge", e.getMessage());
    Config lora = Conv2D.of(2, 3).getConfig().toBuilder().put("lora_rank", 2).build();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("Conv2D", lora, "c")).getMessage().contains("lora_rank=2"));
    Config causal = DepthwiseConv1D.of(3).getConfig().toBuilder().put("padding", "causal").build();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("DepthwiseConv1D", causal, "d")).getMessage()
        .contains("padding=\"causal\""));
  }

  /** tf.keras 2 wrote groups=1 into depthwise, separable and transposed configs; Keras 3 does not. */
  @Test
  void legacyGroupsOfOneAreAccepted() {
    for (ConvLayer<?> layer : List.of(DepthwiseConv2D.of(3), SeparableConv1D.of(2, 3),
        Conv2DTranspose.of(2, 3))) {
      Config legacy = layer.getConfig().toBuilder().put("groups", 1).build();
      assertEquals(layer.getConfig(),
          KerasLayers.deserialize(layer.className(), legacy, "x").getConfig());
      Config grouped = layer.getConfig().toBuilder().put("groups", 2).build();
      assertTrue(assertThrows(IllegalArgumentException.class,
          () -> KerasLayers.deserialize(layer.className(), grouped, "x")).getMessage()
          .contains("groups=2"));
    }
  }

  private static List<String> summary(Sequential spec) {
    return spec.build().stream()
        .map(n -> n.name() + " " + Shapes.format(n.outputShape()) + " " + n.parameterCount())
        .toList();
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
