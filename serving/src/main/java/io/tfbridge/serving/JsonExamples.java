package io.tfbridge.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.tensorflow.proto.BytesList;
import org.tensorflow.proto.Example;
import org.tensorflow.proto.Feature;
import org.tensorflow.proto.Features;
import org.tensorflow.proto.FloatList;
import org.tensorflow.proto.Int64List;

/**
 * A JSON object of features ({@code {"name": value-or-list, ...}}) as a {@code tf.Example}, as TF
 * Serving makes one for {@code :classify} and {@code :regress}: a whole JSON number or a boolean
 * (as 1 or 0) goes to {@code int64_list}, a number with a fraction or exponent (or NaN, Infinity)
 * to {@code float_list}, a string (UTF-8) or {@code {"b64": "..."}} (decoded) to
 * {@code bytes_list}. A list's values must all be of one kind; an empty list is a feature without
 * values.
 */
final class JsonExamples {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(
      BigInteger.ONE);

  private JsonExamples() {}

  /**
   * The example {@code object} describes.
   *
   * @throws ServingException 400 for a value that is not an object, or a feature value of no kind
   *     or of another kind than the feature's earlier values, with TF Serving's text
   */
  static Example example(JsonNode object) {
    if (!object.isObject()) {
      throw ServingException.badRequest("Example must be JSON object but got JSON "
          + typeName(object));
    }
    Features.Builder features = Features.newBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      features.putFeature(entry.getKey(), feature(entry.getKey(), entry.getValue()));
    }
    return Example.newBuilder().setFeatures(features).build();
  }

  private static Feature feature(String name, JsonNode content) {
    Feature.Builder feature = Feature.newBuilder();
    if (content.isArray()) {
      content.forEach(value -> add(name, value, feature));
    } else {
      add(name, content, feature);
    }
    return feature.build();
  }

  private static void add(String name, JsonNode value, Feature.Builder feature) {
    if (value.isBoolean()) {
      int64s(name, feature).addValue(value.booleanValue() ? 1 : 0);
    } else if (value.isTextual()) {
      bytes(name, feature).addValue(ByteString.copyFromUtf8(value.textValue()));
    } else if (isBase64(value)) {
      bytes(name, feature).addValue(ByteString.copyFrom(decode(value)));
    } else if (value.isNumber()) {
      number(name, value, feature);
    } else {
      throw ServingException.badRequest("Feature: " + name + " has element with unexpected JSON "
          + "type: " + typeName(value));
    }
  }

  private static void number(String name, JsonNode value, Feature.Builder feature) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      int64s(name, feature).addValue(value.longValue());
    } else if (value.isIntegralNumber() && value.bigIntegerValue().signum() > 0
        && value.bigIntegerValue().compareTo(UINT64_MAX) <= 0) {
      throw ServingException.badRequest("Feature: " + name + " has uint64_t element. Only int64_t "
          + "is supported.");
    } else {
      floats(name, feature).addValue((float) value.doubleValue());
    }
  }

  private static Int64List.Builder int64s(String name, Feature.Builder feature) {
    check(name, feature, Feature.KindCase.INT64_LIST);
    return feature.getInt64ListBuilder();
  }

  private static FloatList.Builder floats(String name, Feature.Builder feature) {
    check(name, feature, Feature.KindCase.FLOAT_LIST);
    return feature.getFloatListBuilder();
  }

  private static BytesList.Builder bytes(String name, Feature.Builder feature) {
    check(name, feature, Feature.KindCase.BYTES_LIST);
    return feature.getBytesListBuilder();
  }

  private static void check(String name, Feature.Builder feature, Feature.KindCase kind) {
    Feature.KindCase found = feature.getKindCase();
    if (found != Feature.KindCase.KIND_NOT_SET && found != kind) {
      throw ServingException.badRequest("Unexpected element type in feature: " + name
          + " expecting type: " + switch (found) {
            case BYTES_LIST -> "bytes";
            case FLOAT_LIST -> "float";
            case INT64_LIST -> "int64";
            default -> "UNKNOWN";
          });
    }
  }

  /** True for {@code {"b64": "..."}}: one key, {@code b64}, holding a string. */
  static boolean isBase64(JsonNode value) {
    return value.isObject() && value.size() == 1 && value.path("b64").isTextual();
  }

  private static byte[] decode(JsonNode value) {
    try {
      return Base64.getDecoder().decode(value.get("b64").textValue());
    } catch (IllegalArgumentException e) {
      throw ServingException.badRequest("Unable to base64 decode");
    }
  }

  /** The name TF Serving gives a JSON value's type: Null, False, True, Object, Array, String... */
  static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case NULL, MISSING -> "Null";
      case BOOLEAN -> value.booleanValue() ? "True" : "False";
      case OBJECT, POJO -> "Object";
      case ARRAY -> "Array";
      case STRING, BINARY -> "String";
      case NUMBER -> "Number";
    };
  }
}
