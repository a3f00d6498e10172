package io.tfbridge.interop.tensors;

import io.tfbridge.inference.TensorSpec;
import io.tfbridge.layers.Shapes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/**
 * Checks named inputs against a model's input specs before anything runs, so a mistake is reported
 * by name instead of by TensorFlow's kernel. Every message starts with a context such as
 * {@code SavedModel /models/iris, signature 'serving_default'}.
 *
 * <pre>{@code
 * InputChecks.check("SavedModel " + dir, specs, Map.of("keras_tensor", x));
 * // IllegalArgumentException: SavedModel /models/iris: input 'keras_tensor' expects shape
 * //   (None, 4), found (2, 5)
 * }</pre>
 */
public final class InputChecks {
  private InputChecks() {}

  /**
   * Checks that {@code inputs} names every spec exactly once and that each value has the spec's
   * dtype and a compatible shape (same rank; equal where the spec's dimension is known).
   *
   * @throws IllegalArgumentException naming the input, what was expected and what was found
   */
  public static void check(String context, List<TensorSpec> specs,
      Map<String, ? extends NdArray<?>> inputs) {
    checkNames(context, specs, inputs);
    for (TensorSpec spec : specs) {
      checkValue(context, spec, inputs.get(spec.name()));
    }
  }

  /** Checks that every spec has a value and every value a spec. */
  static void checkNames(String context, List<TensorSpec> specs,
      Map<String, ? extends NdArray<?>> inputs) {
    for (String name : inputs.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new IllegalArgumentException(context + ": unknown input '" + name
            + "'; the inputs are " + names(specs));
      }
    }
    for (TensorSpec spec : specs) {
      if (inputs.get(spec.name()) == null) {
        throw new IllegalArgumentException(context + ": missing input '" + spec.name()
            + "'; the inputs are " + names(specs));
      }
    }
  }

  /** Checks one value's dtype and shape against its spec. */
  public static void checkValue(String context, TensorSpec spec, NdArray<?> value) {
    String found = HostTensors.describeType(value);
    if (HostTensors.dtypeOf(value).orElse(null) != spec.dtype()) {
      throw new IllegalArgumentException(context + ": input '" + spec.name() + "' expects dtype "
          + spec.dtype().numpyName() + ", found " + found + " of shape " + format(value.shape())
          + castHint(spec, found));
    }
    if (!compatible(spec.shape(), value.shape())) {
      throw new IllegalArgumentException(context + ": input '" + spec.name() + "' expects shape "
          + format(spec.shape()) + ", found " + format(value.shape()));
    }
  }

  /** True if {@code found} has {@code expected}'s rank and its known dimensions. */
  public static boolean compatible(Shape expected, Shape found) {
    if (expected.isUnknown()) {
      return true;
    }
    if (expected.numDimensions() != found.numDimensions()) {
      return false;
    }
    for (int i = 0; i < expected.numDimensions(); i++) {
      if (expected.get(i) >= 0 && expected.get(i) != found.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** A shape as Keras prints it, {@code (None, 4)}; an unknown rank as {@code <unknown rank>}. */
  public static String format(Shape shape) {
    return shape.isUnknown() ? "<unknown rank>" : Shapes.format(shape);
  }

  /** numpy saves float64 and int64 by default: say how to save what the model takes. */
  private static String castHint(TensorSpec spec, String found) {
    boolean numeric = !found.equals("string") && !found.startsWith("an unsupported");
    return numeric && spec.dtype() != io.tfbridge.inference.DType.STRING
        ? " (numpy: x.astype(np." + spec.dtype().numpyName() + "))" : "";
  }

  private static String names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::toString)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
