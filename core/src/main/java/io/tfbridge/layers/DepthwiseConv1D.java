package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code DepthwiseConv1D} on channels-last inputs {@code (batch, steps, channels)}: each channel
 * convolved on its own with {@code depth_multiplier} filters (see {@link BaseDepthwiseConv}).
 *
 * <pre>{@code
 * DepthwiseConv1D conv = DepthwiseConv1D.of(3).depthMultiplier(2).strides(2);
 * }</pre>
 */
public final class DepthwiseConv1D extends BaseDepthwiseConv<DepthwiseConv1D> {

  private DepthwiseConv1D(int[] kernelSize) {
    super(1, kernelSize);
  }

  /** A depthwise convolution with a kernel of {@code kernelSize} steps (Keras's {@code kernel_size}). */
  public static DepthwiseConv1D of(int kernelSize) {
    return new DepthwiseConv1D(new int[] {kernelSize});
  }

  @Override
  public String className() {
    return "DepthwiseConv1D";
  }

  @Override
  public String namePrefix() {
    return "depthwise_conv1d";
  }

  /** Reads Keras's DepthwiseConv1D config (channels_last only). */
  public static DepthwiseConv1D fromConfig(ConfigReader c) {
    return read(c, 1, DepthwiseConv1D::new);
  }
}
