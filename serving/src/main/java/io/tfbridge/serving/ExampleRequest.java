package io.tfbridge.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.Example;

/**
 * A {@code :classify} or {@code :regress} body, as TF Serving reads it:
 * {@code {"signature_name": "...", "context": {features}, "examples": [{features}, ...]}}, with
 * the signature name and the context optional (see {@link JsonExamples} for the features). Each
 * example is serialized after the context's bytes, as TF Serving feeds them: a {@code tf.Example}
 * parse sees the context's features and the example's, the example's winning where both have one.
 *
 * @param signatureName the signature asked for, or null for {@code serving_default}
 * @param examples the serialized examples, context first, in the request's order
 */
record ExampleRequest(String signatureName, List<byte[]> examples) {
  /** Copies the list. */
  ExampleRequest {
    examples = List.copyOf(examples);
  }

  /**
   * Parses {@code body} of a call of {@code method} ({@code classify} or {@code regress}).
   *
   * @throws ServingException 400 for malformed JSON, a signature name that is not a string, no
   *     list of examples or an empty one, or a bad feature, with TF Serving's text
   */
  static ExampleRequest parse(byte[] body, String method) {
    JsonNode root = PredictRequest.tree(body);
    JsonNode name = root.get("signature_name");
    if (name != null && !name.isTextual()) {
      throw error(root, "not formatted correctly. 'signature_name' key must be a string value.");
    }
    byte[] context = root.has("context") ? JsonExamples.example(root.get("context")).toByteArray()
        : new byte[0];
    JsonNode list = root.get("examples");
    if (list == null) {
      throw error(root, "When method is " + method + ", key 'examples' is expected and was not "
          + "found");
    }
    if (!list.isArray()) {
      throw error(root, "Expecting 'examples' value to be an list/array");
    }
    if (list.isEmpty()) {
      throw error(root, "'examples' value is an empty array");
    }
    List<byte[]> examples = new ArrayList<>(list.size());
    list.forEach(e -> examples.add(concat(context, JsonExamples.example(e))));
    return new ExampleRequest(name == null ? null : name.textValue(), examples);
  }

  /** The examples as the string tensor TF Serving feeds: shape {@code [examples]}. */
  NdArray<byte[]> tensor() {
    NdArray<byte[]> tensor = NdArrays.ofObjects(byte[].class, Shape.of(examples.size()));
    for (int i = 0; i < examples.size(); i++) {
      tensor.setObject(examples.get(i), i);
    }
    return tensor;
  }

  private static byte[] concat(byte[] context, Example example) {
    byte[] own = example.toByteArray();
    byte[] both = java.util.Arrays.copyOf(context, context.length + own.length);
    System.arraycopy(own, 0, both, context.length, own.length);
    return both;
  }

  private static ServingException error(JsonNode root, String message) {
    return ServingException.badRequest("JSON Value: " + PredictRequest.abbreviate(root.toString())
        + " " + message);
  }
}
