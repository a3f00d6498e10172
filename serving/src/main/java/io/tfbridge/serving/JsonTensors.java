package io.tfbridge.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.inference.DType;
import io.tfbridge.inference.TensorSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tensorflow.ndarray.BooleanNdArray;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.DoubleNdArray;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.IntNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * A JSON value (a number, boolean, string or {@code {"b64": "..."}}, or nested lists of them) as a
 * host array of an input's dtype, as TF Serving reads request tensors: the shape is the nesting,
 * every list at one depth must have the same length, and each element must be of the input's kind.
 * Strings become their UTF-8 bytes and {@code {"b64": ...}} the bytes it encodes, unchanged (image
 * files, serialized protos).
 */
final class JsonTensors {
  private JsonTensors() {}

  /**
   * The array {@code value} describes, for input {@code spec}.
   *
   * @throws ServingException 400 for ragged lists or an element of the wrong kind, naming the input
   */
  static NdArray<?> read(JsonNode value, TensorSpec spec) {
    Shape shape = shapeOf(value);
    List<JsonNode> leaves = new ArrayList<>();
    collect(value, shape, 0, leaves, spec);
    NdArray<?> array = allocate(spec.dtype(), shape);
    long[] index = new long[shape.numDimensions()];
    for (JsonNode leaf : leaves) {
      set(array, index, leaf, spec);
      increment(index, shape);
    }
    return array;
  }

  private static Shape shapeOf(JsonNode value) {
    List<Long> dims = new ArrayList<>();
    JsonNode node = value;
    while (node.isArray()) {
      dims.add((long) node.size());
      if (node.isEmpty()) {
        break;
      }
      node = node.get(0);
    }
    return Shape.of(dims.stream().mapToLong(Long::longValue).toArray());
  }

  private static void collect(JsonNode node, Shape shape, int depth, List<JsonNode> leaves,
      TensorSpec spec) {
    if (depth == shape.numDimensions()) {
      if (node.isArray()) {
        throw ragged(spec, "a list where a value was expected at depth " + depth);
      }
      leaves.add(node);
      return;
    }
    if (!node.isArray() || node.size() != shape.get(depth)) {
      throw ragged(spec, "at depth " + depth + " expected a list of " + shape.get(depth)
          + " elements, found " + (node.isArray() ? "a list of " + node.size() : node.toString()));
    }
    node.forEach(child -> collect(child, shape, depth + 1, leaves, spec));
  }

  private static ServingException ragged(TensorSpec spec, String detail) {
    return ServingException.badRequest("Input '" + spec.name() + "': the lists are ragged (" + detail
        + "); a tensor needs lists of equal length at each depth");
  }

  static NdArray<?> allocate(DType dtype, Shape shape) {
    return switch (dtype) {
      case FLOAT32 -> NdArrays.ofFloats(shape);
      case FLOAT64 -> NdArrays.ofDoubles(shape);
      case INT32 -> NdArrays.ofInts(shape);
      case INT64 -> NdArrays.ofLongs(shape);
      case UINT8 -> NdArrays.ofBytes(shape);
      case BOOL -> NdArrays.ofBooleans(shape);
      case STRING -> NdArrays.ofObjects(byte[].class, shape);
    };
  }

  @SuppressWarnings("unchecked")
  private static void set(NdArray<?> array, long[] index, JsonNode leaf, TensorSpec spec) {
    switch (spec.dtype()) {
      case FLOAT32 -> ((FloatNdArray) array).setFloat((float) number(leaf, spec), index);
      case FLOAT64 -> ((DoubleNdArray) array).setDouble(number(leaf, spec), index);
      case INT32 -> ((IntNdArray) array).setInt((int) integer(leaf, spec, Integer.MIN_VALUE,
          Integer.MAX_VALUE), index);
      case INT64 -> ((LongNdArray) array).setLong(integer(leaf, spec, Long.MIN_VALUE,
          Long.MAX_VALUE), index);
      case UINT8 -> ((ByteNdArray) array).setByte((byte) integer(leaf, spec, 0, 255), index);
      case BOOL -> ((BooleanNdArray) array).setBoolean(bool(leaf, spec), index);
      case STRING -> ((NdArray<byte[]>) array).setObject(bytes(leaf, spec), index);
    }
  }

  private static double number(JsonNode leaf, TensorSpec spec) {
    if (leaf.isNumber()) {
      return leaf.doubleValue();
    }
    throw kind(spec, "a number", leaf);
  }

  private static long integer(JsonNode leaf, TensorSpec spec, long min, long max) {
    if (!leaf.isIntegralNumber() || !leaf.canConvertToLong()
        || leaf.longValue() < min || leaf.longValue() > max) {
      throw kind(spec, "an integer in [" + min + ", " + max + "]", leaf);
    }
    return leaf.longValue();
  }

  private static boolean bool(JsonNode leaf, TensorSpec spec) {
    if (!leaf.isBoolean()) {
      throw kind(spec, "true or false", leaf);
    }
    return leaf.booleanValue();
  }

  /** A string's UTF-8 bytes, or the bytes {@code {"b64": ...}} encodes, as they are. */
  private static byte[] bytes(JsonNode leaf, TensorSpec spec) {
    if (leaf.isTextual()) {
      return leaf.textValue().getBytes(StandardCharsets.UTF_8);
    }
    if (JsonExamples.isBase64(leaf)) {
      try {
        return Base64.getDecoder().decode(leaf.get("b64").textValue());
      } catch (IllegalArgumentException e) {
        throw kind(spec, "valid base64 in {\"b64\": ...}", leaf);
      }
    }
    throw kind(spec, "a string or {\"b64\": ...}", leaf);
  }

  private static ServingException kind(TensorSpec spec, String expected, JsonNode found) {
    String text = found.toString();
    return ServingException.badRequest("Input '" + spec.name() + "' is " + spec.dtype().numpyName()
        + ": expected " + expected + ", found " + (text.length() > 40 ? text.substring(0, 40)
        + "..." : text));
  }

  private static void increment(long[] index, Shape shape) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < shape.get(d)) {
        return;
      }
      index[d] = 0;
    }
  }
}
