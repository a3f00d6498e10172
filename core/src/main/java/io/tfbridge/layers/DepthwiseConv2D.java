package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code DepthwiseConv2D} on channels-last inputs {@code (batch, rows, cols, channels)}: each channel
 * convolved on its own with {@code depth_multiplier} filters (see {@link BaseDepthwiseConv}).
 *
 * <pre>{@code
 * DepthwiseConv2D conv = DepthwiseConv2D.of(3).depthMultiplier(2).padding("same");
 * }</pre>
 */
public final class DepthwiseConv2D extends BaseDepthwiseConv<DepthwiseConv2D> {

  private DepthwiseConv2D(int[] kernelSize) {
    super(2, kernelSize);
  }

  /** A depthwise convolution with a {@code rows x cols} kernel (Keras's {@code kernel_size}). */
  public static DepthwiseConv2D of(int rows, int cols) {
    return new DepthwiseConv2D(new int[] {rows, cols});
  }

  /** A depthwise convolution with a square {@code size x size} kernel. */
  public static DepthwiseConv2D of(int size) {
    return of(size, size);
  }

  @Override
  public String className() {
    return "DepthwiseConv2D";
  }

  @Override
  public String namePrefix() {
    return "depthwise_conv2d";
  }

  /** Reads Keras's DepthwiseConv2D config (channels_last only). */
  public static DepthwiseConv2D fromConfig(ConfigReader c) {
    return read(c, 2, DepthwiseConv2D::new);
  }
}
