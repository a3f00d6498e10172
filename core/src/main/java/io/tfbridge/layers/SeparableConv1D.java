package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code SeparableConv1D} on channels-last inputs {@code (batch, steps, channels)}: a depthwise
 * convolution followed by a pointwise one (see {@link BaseSeparableConv}).
 *
 * <pre>{@code
 * SeparableConv1D conv = SeparableConv1D.of(16, 3).activation("relu");
 * }</pre>
 */
public final class SeparableConv1D extends BaseSeparableConv<SeparableConv1D> {

  private SeparableConv1D(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  /** {@code filters} output channels, through a kernel of {@code kernelSize} steps ({@code kernel_size}). */
  public static SeparableConv1D of(int filters, int kernelSize) {
    return new SeparableConv1D(filters, new int[] {kernelSize});
  }

  @Override
  public String className() {
    return "SeparableConv1D";
  }

  @Override
  public String namePrefix() {
    return "separable_conv1d";
  }

  /** Reads Keras's SeparableConv1D config (channels_last only). */
  public static SeparableConv1D fromConfig(ConfigReader c) {
    return read(c, 1, SeparableConv1D::new);
  }
}
