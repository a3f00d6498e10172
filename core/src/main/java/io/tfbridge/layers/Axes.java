package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * A layer's {@code axis} option as Keras takes it: one integer or a list of them, counted with the
 * batch dimension, negative from the end. It remembers which form it was given in, since Keras writes
 * it back in that form.
 *
 * @param values the axes as given
 * @param isList whether they were given as a list ({@code [-1]}) rather than an integer ({@code -1})
 */
record Axes(int[] values, boolean isList) {

  /** One axis, as an integer. */
  static Axes of(int axis) {
    return new Axes(new int[] {axis}, false);
  }

  /** Axes as a list; Keras refuses an empty list wherever an axis is required. */
  static Axes list(int... axes) {
    return new Axes(axes.clone(), true);
  }

  /** The option as Keras writes it: an integer or a list of integers. */
  Object configValue() {
    return isList ? Arrays.stream(values).boxed().toList() : values[0];
  }

  /** The option under {@code key}: an integer or a list of integers; {@code fallback} if absent. */
  static Axes read(ConfigReader c, String key, Axes fallback) {
    Object v = c.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Integer i) {
      return of(i);
    }
    if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof Integer)) {
      return list(list.stream().mapToInt(x -> (Integer) x).toArray());
    }
    throw c.error("option " + key + " must be an integer or a list of integers, found " + v);
  }

  /**
   * The axes as non-negative indices into {@code input} (in the order given).
   *
   * @throws IllegalArgumentException naming the layer if an axis is out of range or repeated
   */
  int[] resolve(String layerName, Shape input) {
    int rank = input.numDimensions();
    int[] resolved = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      int axis = values[i];
      if (axis >= rank || axis < -rank) {
        throw new IllegalArgumentException("Layer \"" + layerName + "\": Axis " + axis
            + " is out of bounds for input shape " + Shapes.format(input) + ". Received: axis="
            + configValue());
      }
      resolved[i] = axis < 0 ? axis + rank : axis;
    }
    if (Arrays.stream(resolved).distinct().count() != resolved.length) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\": repeated axis in axis="
          + configValue() + " for input shape " + Shapes.format(input));
    }
    return resolved;
  }

  /** {@link #resolve}, also refusing the batch axis and axes of unknown size (weights need them). */
  int[] resolveKnown(String layerName, Shape input) {
    int[] resolved = resolve(layerName, input);
    for (int axis : resolved) {
      if (axis == 0 || input.get(axis) < 0) {
        throw Shapes.incompatible(layerName, "a defined dimension at axis " + axis
            + " (axis=" + configValue() + ", the batch axis excluded)", input);
      }
    }
    return resolved;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Axes a && a.isList == isList && Arrays.equals(a.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Boolean.hashCode(isList);
  }

  @Override
  public String toString() {
    return String.valueOf(configValue());
  }
}
