package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;

/**
 * Keras's {@code Conv1D} on channels-last sequences {@code (batch, steps, channels)}, with strides,
 * valid, same or causal padding (zeros in front only, {@code dilation * (kernel - 1)} of them, so
 * that no output step sees a later input step), dilation and groups.
 *
 * <pre>{@code
 * Conv1D conv = Conv1D.of(16, 3).activation("relu");
 * Conv1D wavenet = Conv1D.of(8, 2).padding("causal").dilationRate(4);
 * }</pre>
 */
public final class Conv1D extends BaseConv<Conv1D> {

  private Conv1D(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  /** {@code filters} filters of {@code kernelSize} steps (Keras's {@code kernel_size}). */
  public static Conv1D of(int filters, int kernelSize) {
    return new Conv1D(filters, new int[] {kernelSize});
  }

  @Override
  boolean allowsCausal() {
    return true;
  }

  @Override
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.COMPUTE_DTYPE;
  }

  @Override
  public String className() {
    return "Conv1D";
  }

  @Override
  public String namePrefix() {
    return "conv1d";
  }

  /** Reads Keras's Conv1D config (channels_last only). */
  public static Conv1D fromConfig(ConfigReader c) {
    return read(c, 1, Conv1D::new);
  }
}
