package io.tfbridge.layers;

import java.util.Locale;

/** Keras's {@code padding} argument of convolution and pooling layers. */
public enum Padding {
  /** No padding: windows lie wholly inside the input. */
  VALID,
  /** Zero padding so that the output length is {@code ceil(input / stride)}. */
  SAME;

  /** Keras's spelling: {@code "valid"} or {@code "same"}. */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name TensorFlow's ops take: {@code "VALID"} or {@code "SAME"}. */
  String tfName() {
    return name();
  }

  /**
   * Looks a padding up by its Keras name.
   *
   * @throws IllegalArgumentException for anything but {@code "valid"} or {@code "same"}
   */
  public static Padding get(String name) {
    for (Padding p : values()) {
      if (p.kerasName().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Unknown padding: '" + name + "'. Expected one of: valid, same");
  }

  /**
   * The output length along one axis, or -1 when the input length is unknown; 0 when a
   * {@code "valid"} window does not fit in the input.
   */
  long outputLength(long input, long window, long stride) {
    if (input < 0) {
      return -1;
    }
    return this == SAME ? Math.floorDiv(input + stride - 1, stride)
        : Math.max(0, Math.floorDiv(input - window, stride) + 1);
  }
}
