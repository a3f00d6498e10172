package io.tfbridge.preprocessing.image;

import java.util.Arrays;
import java.util.Locale;

/** The argument checks of {@link ImageDataGenerator}'s options, with Keras's texts where it has them. */
final class Checks {
  private Checks() {
  }

  /** {@code value} when it is a non-negative finite number. */
  static double nonNegative(String option, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("`" + option + "` should be a non-negative number."
          + " Received: " + String.format(Locale.ROOT, "%s", value));
    }
    return value;
  }

  /** Refuses every data format but channels_last. */
  static void channelsLast(String format) {
    if ("channels_first".equals(format)) {
      throw new UnsupportedOperationException("ImageDataGenerator supports only data_format="
          + "\"channels_last\". Received: channels_first");
    }
    if (!"channels_last".equals(format)) {
      throw new IllegalArgumentException("`data_format` should be `\"channels_last\"` (channel"
          + " after row and column) or `\"channels_first\"` (channel before row and column). Received: "
          + format);
    }
  }

  /** The values as Python prints a list of floats. */
  static String list(double[] values) {
    return Arrays.toString(values);
  }
}
