package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Conv2D} on channels-last images {@code (batch, rows, cols, channels)}, with strides,
 * valid or same padding, dilation and groups.
 *
 * <pre>{@code
 * Conv2D conv = Conv2D.of(32, 3, 3).activation("relu").inputShape(28, 28, 1);
 * Conv2D atrous = Conv2D.of(8, 3).padding("same").dilationRate(2);
 * Conv2D grouped = Conv2D.of(8, 3).groups(2);
 * }</pre>
 */
public final class Conv2D extends BaseConv<Conv2D> {

  private Conv2D(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  /** {@code filters} filters of a {@code rows x cols} kernel (Keras's {@code kernel_size}). */
  public static Conv2D of(int filters, int rows, int cols) {
    return new Conv2D(filters, new int[] {rows, cols});
  }

  /** {@code filters} filters of a square {@code size x size} kernel. */
  public static Conv2D of(int filters, int size) {
    return of(filters, size, size);
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Conv2D";
  }

  @Override
  public String namePrefix() {
    return "conv2d";
  }

  /** Reads Keras's Conv2D config (channels_last only). */
  public static Conv2D fromConfig(ConfigReader c) {
    return read(c, 2, Conv2D::new);
  }
}
