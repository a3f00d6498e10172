package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Conv2DTranspose} on channels-last inputs {@code (batch, rows, cols, channels)}: a transposed
 * convolution, with Keras's output shape (see {@link BaseConvTranspose}).
 *
 * <pre>{@code
 * Conv2DTranspose up = Conv2DTranspose.of(8, 3).strides(2).padding("same");
 * }</pre>
 */
public final class Conv2DTranspose extends BaseConvTranspose<Conv2DTranspose> {

  private Conv2DTranspose(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  /** {@code filters} output channels, through a {@code rows x cols} kernel (Keras's {@code kernel_size}). */
  public static Conv2DTranspose of(int filters, int rows, int cols) {
    return new Conv2DTranspose(filters, new int[] {rows, cols});
  }

  /** {@code filters} output channels, through a square {@code size x size} kernel. */
  public static Conv2DTranspose of(int filters, int size) {
    return of(filters, size, size);
  }

  @Override
  public String className() {
    return "Conv2DTranspose";
  }

  @Override
  public String namePrefix() {
    return "conv2d_transpose";
  }

  /** Reads Keras's Conv2DTranspose config (channels_last only). */
  public static Conv2DTranspose fromConfig(ConfigReader c) {
    return read(c, 2, Conv2DTranspose::new);
  }
}
