package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A constant a layer config holds: a number, a (nested) list of numbers, or a numpy array as Keras
 * 3 serializes it ({@code {"class_name": "__numpy__", "config": {"value": [...], "dtype": ...}}}).
 * Rescaling's scale and offset, Normalization's mean and variance.
 *
 * @param shape the dimensions ({@code []} for a number)
 * @param values the values, row-major
 */
record ConstantArray(long[] shape, double[] values) {

  /** A number. */
  static ConstantArray scalar(double value) {
    return new ConstantArray(new long[0], new double[] {value});
  }

  /** A vector. */
  static ConstantArray vector(double... values) {
    return new ConstantArray(new long[] {values.length}, values.clone());
  }

  /** Whether this is a single number. */
  boolean isScalar() {
    return shape.length == 0;
  }

  /** The option under {@code key}, or null if absent or null. */
  static ConstantArray read(ConfigReader c, String key) {
    Object v = c.get(key);
    if (v instanceof KerasObject o && o.className().equals("__numpy__")) {
      v = o.options().get("value");
    }
    if (v == null) {
      return null;
    }
    List<Long> dims = new ArrayList<>();
    List<Double> flat = new ArrayList<>();
    if (!flatten(v, 0, dims, flat)) {
      throw c.error("option " + key + " must be a number or a (nested) list of numbers, found " + v);
    }
    return new ConstantArray(dims.stream().mapToLong(Long::longValue).toArray(),
        flat.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static boolean flatten(Object v, int depth, List<Long> dims, List<Double> flat) {
    if (v instanceof Number n) {
      flat.add(n.doubleValue());
      return depth == dims.size();
    }
    if (!(v instanceof List<?> list) || list.isEmpty()) {
      return false;
    }
    if (depth == dims.size()) {
      dims.add((long) list.size());
    } else if (dims.get(depth) != list.size()) {
      return false;
    }
    return list.stream().allMatch(x -> flatten(x, depth + 1, dims, flat));
  }

  /** The value as Keras writes it: a number, or nested lists. */
  Object configValue() {
    return nested(0, 0);
  }

  private Object nested(int axis, int offset) {
    if (axis == shape.length) {
      return values[offset];
    }
    int stride = (int) (values.length / Arrays.stream(shape, 0, axis + 1).reduce(1, (a, b) -> a * b));
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < shape[axis]; i++) {
      items.add(nested(axis + 1, offset + i * stride));
    }
    return items;
  }

  /** This constant reshaped to {@code shape} (same number of values), as a float32 graph constant. */
  Operand<TFloat32> constant(Ops tf, Shape shape) {
    float[] floats = new float[values.length];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) values[i];
    }
    return tf.constant(shape, DataBuffers.of(floats, true, false));
  }

  /** This constant as a float32 graph constant of its own shape. */
  Operand<TFloat32> constant(Ops tf) {
    return constant(tf, Shape.of(shape));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstantArray a && Arrays.equals(a.shape, shape)
        && Arrays.equals(a.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return String.valueOf(configValue());
  }
}
