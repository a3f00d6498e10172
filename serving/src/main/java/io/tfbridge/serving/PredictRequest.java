package io.tfbridge.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tfbridge.inference.TensorSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.ndarray.NdArray;

/**
 * A {@code :predict} body in either of TF Serving's forms: row ({@code {"instances": [...]}}, one
 * element per example: a value for a one-input signature, or an object by input name) or columnar
 * ({@code {"inputs": value-or-object}}), with an optional {@code signature_name}. NaN and Infinity
 * may be written bare, as TF Serving accepts them.
 *
 * @param signatureName the signature asked for, or null for the default
 * @param inputs the inputs by name, batched
 * @param rowFormat whether the request used {@code instances} (the response then uses
 *     {@code predictions})
 */
record PredictRequest(String signatureName, Map<String, NdArray<?>> inputs, boolean rowFormat) {
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /**
   * Parses {@code body}; {@code signatureInputs} gives the inputs of a signature by name (null:
   * the default one).
   *
   * @throws ServingException 400 for malformed JSON, a body in neither or both forms, ragged lists,
   *     values of the wrong kind or objects whose keys are not the signature's inputs
   */
  static PredictRequest parse(byte[] body, Function<String, List<TensorSpec>> signatureInputs) {
    JsonNode root = tree(body);
    JsonNode name = root.get("signature_name");
    String signature = name == null || name.isNull() ? null : name.asText();
    List<TensorSpec> specs = signatureInputs.apply(signature);
    boolean rows = root.has("instances");
    if (rows == root.has("inputs")) {
      throw ServingException.badRequest(rows ? "Request body must have only one of 'instances' or "
          + "'inputs' keys" : "Missing 'inputs' or 'instances' key");
    }
    Map<String, NdArray<?>> inputs = rows ? rows(root.get("instances"), specs)
        : columns(root.get("inputs"), specs);
    return new PredictRequest(signature, inputs, rows);
  }

  /** The JSON object {@code body} holds; 400 with TF Serving's text if it holds none. */
  static JsonNode tree(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw ServingException.badRequest("JSON Value: " + (root == null ? "(empty body)"
            : abbreviate(root.toString())) + " Is not an object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw ServingException.badRequest("JSON Parse error: " + e.getOriginalMessage()
          + " at offset: " + e.getLocation().getCharOffset());
    } catch (IOException e) {
      throw ServingException.badRequest("JSON Parse error: " + e.getMessage());
    }
  }

  private static Map<String, NdArray<?>> columns(JsonNode value, List<TensorSpec> specs) {
    Map<String, NdArray<?>> inputs = new LinkedHashMap<>();
    if (isNamed(value)) {
      checkNames(value, specs, "'inputs'");
      for (TensorSpec spec : specs) {
        if (value.has(spec.name())) {
          inputs.put(spec.name(), JsonTensors.read(value.get(spec.name()), spec));
        }
      }
      return inputs;
    }
    TensorSpec only = single(specs, "'inputs'");
    inputs.put(only.name(), JsonTensors.read(value, only));
    return inputs;
  }

  private static Map<String, NdArray<?>> rows(JsonNode instances, List<TensorSpec> specs) {
    if (!instances.isArray() || instances.isEmpty()) {
      throw ServingException.badRequest("'instances' must be a non-empty list, found "
          + abbreviate(instances.toString()));
    }
    Map<String, NdArray<?>> inputs = new LinkedHashMap<>();
    if (!isNamed(instances.get(0))) {
      TensorSpec only = single(specs, "'instances'");
      inputs.put(only.name(), JsonTensors.read(instances, only));
      return inputs;
    }
    for (int i = 0; i < instances.size(); i++) {
      if (!isNamed(instances.get(i))) {
        throw ServingException.badRequest("Failed to process element: " + i + " of 'instances' "
            + "list. All instances must be objects of named inputs, as the first one is");
      }
      checkNames(instances.get(i), specs, "element " + i + " of 'instances'");
    }
    for (TensorSpec spec : specs) {
      inputs.put(spec.name(), JsonTensors.read(column(instances, spec.name()), spec));
    }
    return inputs;
  }

  /** The values of input {@code name} across the instances, as one list. */
  private static JsonNode column(JsonNode instances, String name) {
    var list = JSON.createArrayNode();
    instances.forEach(instance -> list.add(instance.get(name)));
    return list;
  }

  private static boolean isNamed(JsonNode value) {
    return value.isObject() && !(value.size() == 1 && value.has("b64"));
  }

  private static void checkNames(JsonNode object, List<TensorSpec> specs, String where) {
    List<String> known = specs.stream().map(TensorSpec::name).toList();
    List<String> missing = new ArrayList<>(known);
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw ServingException.badRequest(where + " has an input named '" + name + "' that the "
            + "signature does not have; its inputs are " + known);
      }
      missing.remove(name);
    }
    if (!missing.isEmpty()) {
      throw ServingException.badRequest(where + " lacks the input(s) " + missing
          + "; the signature's inputs are " + known);
    }
  }

  private static TensorSpec single(List<TensorSpec> specs, String where) {
    if (specs.size() != 1) {
      throw ServingException.badRequest(where + " holds unnamed values, but the signature has "
          + specs.size() + " inputs " + specs.stream().map(TensorSpec::name).toList()
          + ": name each one");
    }
    return specs.get(0);
  }

  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
