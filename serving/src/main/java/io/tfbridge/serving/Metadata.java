package io.tfbridge.serving;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.inference.DType;
import io.tfbridge.inference.Predictor;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import io.tfbridge.interop.savedmodel.SavedModelSignature;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * {@code GET .../metadata} and the status answers, in TF Serving's JSON: the signature defs as
 * protobuf's JSON mapping prints them (int64 sizes as strings, {@code DT_FLOAT} dtypes), the version
 * states as {@code model_version_status}. A Keras model shows one {@code serving_default} signature
 * named after its inputs and outputs.
 */
final class Metadata {
  private Metadata() {}

  /** The metadata of {@code version} of model {@code name}. */
  static ObjectNode of(String name, ModelVersion version) {
    ObjectNode root = PredictRequest.JSON.createObjectNode();
    ObjectNode spec = root.putObject("model_spec");
    spec.put("name", name).put("signature_name", "").put("version", String.valueOf(
        version.number()));
    ObjectNode defs = root.putObject("metadata").putObject("signature_def")
        .putObject("signature_def");
    Predictor model = version.predictor();
    if (model instanceof SavedModelPredictor saved) {
      saved.signatures().forEach(s -> defs.set(s.key(), savedSignature(s)));
    } else {
      defs.set(SavedModelSignature.SERVING_DEFAULT, kerasSignature(model));
    }
    return root;
  }

  private static ObjectNode savedSignature(SavedModelSignature signature) {
    ObjectNode def = PredictRequest.JSON.createObjectNode();
    ObjectNode inputs = def.putObject("inputs");
    signature.inputs().forEach(t -> inputs.set(t.key(), tensor(t.dataType().name(), t.shape(),
        t.tensorName())));
    ObjectNode outputs = def.putObject("outputs");
    signature.outputs().forEach(t -> outputs.set(t.key(), tensor(t.dataType().name(), t.shape(),
        t.tensorName())));
    def.put("method_name", signature.methodName());
    def.putObject("defaults");
    return def;
  }

  private static ObjectNode kerasSignature(Predictor model) {
    ObjectNode def = PredictRequest.JSON.createObjectNode();
    add(def.putObject("inputs"), model.inputs());
    add(def.putObject("outputs"), model.outputs());
    def.put("method_name", "tensorflow/serving/predict");
    def.putObject("defaults");
    return def;
  }

  private static void add(ObjectNode to, List<TensorSpec> specs) {
    specs.forEach(s -> to.set(s.name(), tensor(dataType(s.dtype()), s.shape(), s.name())));
  }

  private static ObjectNode tensor(String dtype, Shape shape, String name) {
    ObjectNode tensor = PredictRequest.JSON.createObjectNode();
    tensor.put("dtype", dtype);
    ObjectNode tensorShape = tensor.putObject("tensor_shape");
    ArrayNode dims = tensorShape.putArray("dim");
    boolean unknownRank = shape.isUnknown();
    if (!unknownRank) {
      for (int d = 0; d < shape.numDimensions(); d++) {
        dims.addObject().put("size", String.valueOf(shape.get(d))).put("name", "");
      }
    }
    tensorShape.put("unknown_rank", unknownRank);
    tensor.put("name", name);
    return tensor;
  }

  /** The {@code DataType} enum name of {@code dtype}: {@code DT_FLOAT}. */
  static String dataType(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> "DT_FLOAT";
      case FLOAT64 -> "DT_DOUBLE";
      case INT32 -> "DT_INT32";
      case INT64 -> "DT_INT64";
      case UINT8 -> "DT_UINT8";
      case BOOL -> "DT_BOOL";
      case STRING -> "DT_STRING";
    };
  }

  /**
   * TF Serving's {@code model_version_status} of model {@code name}'s served and failed versions
   * (only {@code onlyVersion} unless null); {@code model} is null when no such model is served.
   *
   * @throws ServingException 404 with TF Serving's text when there is nothing to show
   */
  static ObjectNode status(String name, ServedModel model, Long onlyVersion) {
    ObjectNode root = PredictRequest.JSON.createObjectNode();
    ArrayNode list = root.putArray("model_version_status");
    if (model != null) {
      model.versions().keySet().stream().filter(v -> onlyVersion == null || v.equals(onlyVersion))
          .forEach(v -> state(list, v, "AVAILABLE", "OK", ""));
      model.failures().forEach((v, error) -> {
        if (onlyVersion == null || v.equals(onlyVersion)) {
          state(list, v, "END", "UNKNOWN", error);
        }
      });
    }
    if (list.isEmpty()) {
      throw ServingException.notFound(onlyVersion == null ? "Could not find any versions of model "
          + name : "Could not find version " + onlyVersion + " of model " + name);
    }
    return root;
  }

  private static void state(ArrayNode list, long version, String state, String code,
      String message) {
    ObjectNode entry = list.addObject();
    entry.put("version", String.valueOf(version)).put("state", state);
    entry.putObject("status").put("error_code", code).put("error_message", message);
  }
}
