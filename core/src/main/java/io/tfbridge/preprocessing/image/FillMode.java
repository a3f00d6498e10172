package io.tfbridge.preprocessing.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the warp fills points outside the input image, with the meaning {@code scipy.ndimage}'s modes
 * have (Keras's {@code fill_mode}), for an input row {@code a b c d}:
 * <ul>
 *   <li>{@code NEAREST}: {@code a a a | a b c d | d d d};</li>
 *   <li>{@code CONSTANT}: {@code k k k | a b c d | k k k} with {@code k = cval}; a point outside
 *       {@code [0, n-1]} is {@code k}, with no blending at the border;</li>
 *   <li>{@code REFLECT}: {@code c b a | a b c d | d c b} (half-sample symmetric);</li>
 *   <li>{@code WRAP}: scipy's legacy wrap, periodic with period {@code n - 1}:
 *       {@code b c d | a b c d | b c d} (the first and last pixel share a place).</li>
 * </ul>
 *
 * <pre>{@code
 * FillMode mode = FillMode.of("reflect");   // FillMode.REFLECT
 * mode.kerasName();                          // "reflect"
 * }</pre>
 */
public enum FillMode {
  NEAREST, CONSTANT, REFLECT, WRAP;

  /** Keras's name for this mode. */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode Keras calls {@code name}; other names are refused. */
  public static FillMode of(String name) {
    for (FillMode mode : values()) {
      if (mode.kerasName().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("`fill_mode` should be one of "
        + Arrays.stream(values()).map(FillMode::kerasName).collect(Collectors.joining(", "))
        + ". Received: " + name);
  }
}
