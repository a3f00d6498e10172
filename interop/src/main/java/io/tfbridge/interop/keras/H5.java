package io.tfbridge.interop.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The small part of jhdf this package uses, with HDF5 failures turned into clear errors. */
final class H5 {
  private H5() {}

  /**
   * Runs a jhdf read; its failures (corrupt or truncated file) become an error naming {@code what}
   * (empty for the file itself).
   */
  static <T> T reading(String what, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      String detail = e.getMessage() != null ? e.getMessage() : e.toString();
      throw new IllegalArgumentException((what.isEmpty() ? "" : what + " is ")
          + "not a readable HDF5 file (truncated or corrupt: " + detail + ")", e);
    }
  }

  /** The node at a relative path ({@code layers/dense/vars}), if there is one. */
  static Optional<Node> find(Group group, String path) {
    Node node = group;
    for (String part : path.split("/")) {
      if (!(node instanceof Group g) || !g.getChildren().containsKey(part)) {
        return Optional.empty();
      }
      node = g.getChildren().get(part);
    }
    return Optional.of(node);
  }

  /** The dataset at a relative path, or an error naming the path. */
  static Dataset dataset(Group group, String path) {
    return find(group, path).filter(n -> n instanceof Dataset).map(n -> (Dataset) n)
        .orElseThrow(() -> new IllegalArgumentException("no dataset at " + join(group, path)));
  }

  /** The children of a {@code vars} group in numeric order: {@code 0, 1, 2, ...}. */
  static List<Dataset> numbered(Group vars) {
    List<Dataset> datasets = new ArrayList<>();
    for (int i = 0; vars.getChildren().get(Integer.toString(i)) instanceof Dataset d; i++) {
      datasets.add(d);
    }
    return datasets;
  }

  /** A float dataset as a weight array (float64 values are narrowed). */
  static WeightArray floats(Dataset d, String where) {
    return WeightArray.of(d.getDimensionsAsLong(), values(d, where), where);
  }

  /**
   * A dataset whose values are read when asked for (the file must stay open until then), copied
   * straight from {@code file} when stored as raw float32.
   *
   * @param base the file offset HDF5 addresses count from (the user block's size)
   */
  static WeightArray lazyFloats(Dataset d, String where, Path file, long base) {
    String type = d.getJavaType().getSimpleName();
    if (!d.isScalar() && !type.equals("float") && !type.equals("double")) {
      throw new IllegalArgumentException(where + " holds " + type + " values, expected float32");
    }
    return WeightArray.lazy(d.getDimensionsAsLong(), () -> reading(where, () -> values(d, where)),
        RawFloats.of(file, base, d, where), where);
  }

  private static float[] values(Dataset d, String where) {
    Object flat = d.isScalar() ? d.getData() : d.getDataFlat();
    float[] values;
    if (flat instanceof float[] f) {
      values = f;
    } else if (flat instanceof double[] doubles) {
      values = new float[doubles.length];
      for (int i = 0; i < doubles.length; i++) {
        values[i] = (float) doubles[i];
      }
    } else if (flat instanceof Number n) {
      values = new float[] {n.floatValue()};
    } else {
      throw new IllegalArgumentException(where + " holds " + d.getJavaType().getSimpleName()
          + " values, expected float32");
    }
    return values;
  }

  /** An integer scalar dataset (an optimizer's iteration count). */
  static long scalarLong(Dataset d) {
    Object data = d.getData();
    if (data instanceof Number n) {
      return n.longValue();
    }
    if (data != null && data.getClass().isArray() && Array.getLength(data) == 1) {
      return ((Number) Array.get(data, 0)).longValue();
    }
    throw new IllegalArgumentException(d.getPath() + " is not an integer scalar");
  }

  /** A string attribute, if present. */
  static Optional<String> string(Node node, String name) {
    Attribute a = node.getAttribute(name);
    Object data = a == null ? null : a.getData();
    if (data instanceof String[] array && array.length == 1) {
      return Optional.of(array[0]);
    }
    return data instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /**
   * A string-list attribute such as {@code layer_names}, also when Keras split it into chunks
   * ({@code layer_names0}, {@code layer_names1}, ...); empty when absent or empty.
   */
  static List<String> strings(Node node, String name) {
    if (node.getAttribute(name) != null) {
      return stringArray(node.getAttribute(name));
    }
    List<String> all = new ArrayList<>();
    for (int i = 0; node.getAttribute(name + i) != null; i++) {
      all.addAll(stringArray(node.getAttribute(name + i)));
    }
    return all;
  }

  private static List<String> stringArray(Attribute a) {
    Object data = a.getData();
    if (data instanceof String[] array) {
      return Arrays.asList(array);
    }
    return data instanceof String s ? List.of(s) : List.of();
  }

  private static String join(Group group, String path) {
    String base = group.getPath();
    return (base.endsWith("/") ? base : base + "/") + path;
  }
}
