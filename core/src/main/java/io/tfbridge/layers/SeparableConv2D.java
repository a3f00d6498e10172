package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code SeparableConv2D} on channels-last inputs {@code (batch, rows, cols, channels)}: a depthwise
 * convolution followed by a pointwise one (see {@link BaseSeparableConv}).
 *
 * <pre>{@code
 * SeparableConv2D conv = SeparableConv2D.of(16, 3).depthMultiplier(2).padding("same");
 * }</pre>
 */
public final class SeparableConv2D extends BaseSeparableConv<SeparableConv2D> {

  private SeparableConv2D(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  /** {@code filters} output channels, through a {@code rows x cols} kernel (Keras's {@code kernel_size}). */
  public static SeparableConv2D of(int filters, int rows, int cols) {
    return new SeparableConv2D(filters, new int[] {rows, cols});
  }

  /** {@code filters} output channels, through a square {@code size x size} kernel. */
  public static SeparableConv2D of(int filters, int size) {
    return of(filters, size, size);
  }

  @Override
  public String className() {
    return "SeparableConv2D";
  }

  @Override
  public String namePrefix() {
    return "separable_conv2d";
  }

  /** Reads Keras's SeparableConv2D config (channels_last only). */
  public static SeparableConv2D fromConfig(ConfigReader c) {
    return read(c, 2, SeparableConv2D::new);
  }
}
