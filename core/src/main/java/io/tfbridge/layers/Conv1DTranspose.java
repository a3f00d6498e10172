package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Conv1DTranspose} on channels-last inputs {@code (batch, steps, channels)}: a transposed
 * convolution, with Keras's output shape (see {@link BaseConvTranspose}).
 *
 * <pre>{@code
 * Conv1DTranspose up = Conv1DTranspose.of(8, 3).strides(2).outputPadding(1);
 * }</pre>
 */
public final class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {

  private Conv1DTranspose(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  /** {@code filters} output channels, through a kernel of {@code kernelSize} steps ({@code kernel_size}). */
  public static Conv1DTranspose of(int filters, int kernelSize) {
    return new Conv1DTranspose(filters, new int[] {kernelSize});
  }

  @Override
  public String className() {
    return "Conv1DTranspose";
  }

  @Override
  public String namePrefix() {
    return "conv1d_transpose";
  }

  /** Reads Keras's Conv1DTranspose config (channels_last only). */
  public static Conv1DTranspose fromConfig(ConfigReader c) {
    return read(c, 1, Conv1DTranspose::new);
  }
}
