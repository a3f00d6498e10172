package io.tfbridge.layers;

import java.util.Locale;

/** Keras's {@code padding} argument of convolution and pooling layers. */
public enum Padding {
  /** No padding: windows lie wholly inside the input. */
  VALID,
  /** Zero padding so that the output length is {@code ceil(input / stride)}. */
  SAME,
  /**
   * Conv1D's {@code "causal"}: zeros before the sequence only ({@code dilation * (kernel - 1)} of
   * them), so that no output step sees a later input step; the output length is that of SAME.
   */
  CAUSAL;

  /** Keras's spelling: {@code "valid"} or {@code "same"}. */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name TensorFlow's ops take: {@code "VALID"} or {@code "SAME"} (CAUSAL pads itself, then VALID). */
  String tfName() {
    return this == CAUSAL ? VALID.name() : name();
  }

  /**
   * Looks a padding up by its Keras name.
   *
   * @throws IllegalArgumentException for anything but {@code "valid"} or {@code "same"}
   */
  public static Padding get(String name) {
    return get(name, false);
  }

  /**
   * Looks a padding up by its Keras name; {@code "causal"} only if {@code allowCausal} (Conv1D).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Padding get(String name, boolean allowCausal) {
    for (Padding p : values()) {
      if (p.kerasName().equalsIgnoreCase(name) && (allowCausal || p != CAUSAL)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown padding: '" + name + "'. Expected one of: valid, same"
        + (allowCausal ? ", causal" : ""));
  }

  /**
   * The output length along one axis, or -1 when the input length is unknown; 0 when a
   * {@code "valid"} window does not fit in the input.
   */
  long outputLength(long input, long window, long stride) {
    if (input < 0) {
      return -1;
    }
    return this == VALID ? Math.max(0, Math.floorDiv(input - window, stride) + 1)
        : Math.floorDiv(input + stride - 1, stride);
  }
}
