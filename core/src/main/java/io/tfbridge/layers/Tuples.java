package io.tfbridge.layers;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Keras's per-axis arguments ({@code kernel_size=3} or {@code (3, 2)}), validated and printed its way. */
final class Tuples {
  private Tuples() {}

  /**
   * Keras's {@code standardize_tuple}: one value for every axis, or one per axis, each positive
   * ({@code allowZero}: not negative).
   */
  static int[] of(String name, int rank, int[] values, boolean allowZero) {
    String received = "The `" + name + "` argument must be a tuple of " + rank + " integers. Received "
        + name + "=" + (values.length == 1 ? Integer.toString(values[0]) : format(values));
    if (values.length != 1 && values.length != rank) {
      throw new IllegalArgumentException(received);
    }
    int[] all = values.length == 1 ? filled(rank, values[0]) : values.clone();
    String bad = Arrays.stream(all).filter(v -> allowZero ? v < 0 : v <= 0).distinct().sorted()
        .mapToObj(Integer::toString).collect(Collectors.joining(", "));
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(received + ", including values {" + bad
          + "} that do not satisfy `value " + (allowZero ? ">= 0" : "> 0") + "`");
    }
    return all;
  }

  static int[] of(String name, int rank, int[] values) {
    return of(name, rank, values, false);
  }

  /** Python's rendering of a tuple: {@code (3, 3)}, {@code (3,)}. */
  static String format(int[] values) {
    String body = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return "(" + body + (values.length == 1 ? ",)" : ")");
  }

  static int[] ones(int rank) {
    return filled(rank, 1);
  }

  private static int[] filled(int rank, int value) {
    int[] all = new int[rank];
    Arrays.fill(all, value);
    return all;
  }
}
