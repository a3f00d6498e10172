package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Amounts added or removed at both ends of each spatial axis: Keras's {@code padding} of the
 * ZeroPadding layers and {@code cropping} of the Cropping layers, {@code ((before, after), ...)}.
 * Keras takes one integer for every end, one integer per axis for both its ends, or a pair per
 * axis.
 */
final class Margins {
  private final int[][] pairs;

  private Margins(int[][] pairs) {
    this.pairs = pairs;
  }

  /** {@code (before, after)} per axis, each non-negative; errors name {@code argument}. */
  static Margins of(String argument, int axes, int[][] pairs) {
    if (pairs.length != axes) {
      throw new IllegalArgumentException("`" + argument + "` should have " + axes + " elements. "
          + "Received: " + argument + "=" + Arrays.deepToString(pairs));
    }
    int[][] checked = new int[axes][];
    for (int i = 0; i < axes; i++) {
      String entry = axes == 1 ? argument : ordinal(i) + " entry of " + argument;
      checked[i] = Shapes.checkedTuple(entry, 2, true, pairs[i]);
    }
    return new Margins(checked);
  }

  /** The same amount at both ends of each axis: one value per axis. */
  static Margins symmetric(String argument, int... perAxis) {
    return of(argument, perAxis.length,
        Arrays.stream(perAxis).mapToObj(p -> new int[] {p, p}).toArray(int[][]::new));
  }

  /** The same amount at both ends of all {@code axes} axes. */
  static Margins uniform(String argument, int axes, int amount) {
    int[] each = new int[axes];
    Arrays.fill(each, amount);
    return symmetric(argument, each);
  }

  /**
   * The option {@code key} in any of Keras's forms (one integer, a list of one per axis, a list of
   * pairs; one axis: an integer or a pair), {@code fallback} if absent.
   */
  static Margins read(ConfigReader c, String key, int axes, Margins fallback) {
    Object v = c.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      if (v instanceof Number n) {
        return uniform(key, axes, n.intValue());
      }
      List<?> list = (List<?>) v;
      if (axes == 1) {
        return of(key, 1, new int[][] {ints(list)});
      }
      int[][] pairs = new int[list.size()][];
      for (int i = 0; i < pairs.length; i++) {
        Object e = list.get(i);
        pairs[i] = e instanceof Number n ? new int[] {n.intValue(), n.intValue()} : ints((List<?>) e);
      }
      return of(key, axes, pairs);
    } catch (ClassCastException e) {
      throw c.error("option " + key + " must be an integer, a list of integers or a list of "
          + "integer pairs, found " + v);
    }
  }

  private static int[] ints(List<?> list) {
    return list.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
  }

  /** The number of axes. */
  int axes() {
    return pairs.length;
  }

  /** The amount before axis {@code i}. */
  int before(int i) {
    return pairs[i][0];
  }

  /** The amount after axis {@code i}. */
  int after(int i) {
    return pairs[i][1];
  }

  /** A copy of the pairs. */
  int[][] pairs() {
    return Arrays.stream(pairs).map(int[]::clone).toArray(int[][]::new);
  }

  /** As Keras writes it: {@code [before, after]} for one axis, else a list of such pairs. */
  Object toConfig() {
    List<List<Integer>> lists = Arrays.stream(pairs)
        .map(p -> List.of(p[0], p[1])).toList();
    return pairs.length == 1 ? lists.get(0) : lists;
  }

  /** As Keras prints it: {@code (1, 2)} for one axis, {@code ((1, 1), (0, 2))} otherwise. */
  @Override
  public String toString() {
    String each = Arrays.stream(pairs).map(Shapes::tuple).collect(Collectors.joining(", "));
    return pairs.length == 1 ? each : "(" + each + ")";
  }

  private static String ordinal(int i) {
    return switch (i) {
      case 0 -> "1st";
      case 1 -> "2nd";
      default -> "3rd";
    };
  }
}
