package io.tfbridge.serving;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import io.tfbridge.interop.savedmodel.SavedModelSignature;
import io.tfbridge.interop.savedmodel.SignatureTensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.ndarray.NdArray;

/**
 * TF Serving's {@code :classify} and {@code :regress}: the examples of an {@link ExampleRequest}
 * fed, as one string tensor of serialized {@code tf.Example}s, to the {@code inputs} of a signature
 * whose method is {@code tensorflow/serving/classify} or {@code tensorflow/serving/regress} (the
 * default one, {@code serving_default}, unless the request names another), its outputs answered by
 * {@link ExampleResults}. A signature of another method, or one not shaped as TF Serving's classify
 * and regress signatures are, is refused with TF Serving's 400 and text; a Keras model's only
 * signature is a predict one.
 */
final class ExampleMethods {
  private static final String PREFIX = "tensorflow/serving/";

  private ExampleMethods() {}

  /** Answers {@code body} of a {@code :classify} or {@code :regress} ({@code kind}) call. */
  static RestApi.Answer answer(Route.Kind kind, ModelVersion version, byte[] body) {
    boolean classify = kind == Route.Kind.CLASSIFY;
    ExampleRequest request = ExampleRequest.parse(body, classify ? "classify" : "regress");
    String key = request.signatureName() == null || request.signatureName().isEmpty()
        ? SavedModelSignature.SERVING_DEFAULT : request.signatureName();
    SavedModelSignature signature = signature(version, key);
    checkMethod(signature.methodName(), classify);
    if (classify) {
      checkClassify(signature);
    } else {
      checkRegress(signature);
    }
    Map<String, NdArray<?>> out = RestApi.run(version.signature(key), Map.of("inputs",
        request.tensor()));
    int examples = request.examples().size();
    return new RestApi.Answer(200, classify
        ? ExampleResults.classify(out.get("classes"), out.get("scores"), examples)
        : ExampleResults.regress(out.get("outputs"), examples));
  }

  /** The signature {@code key} of the model; a Keras model has a predict one with no tensors. */
  private static SavedModelSignature signature(ModelVersion version, String key) {
    Predictor model = version.predictor();
    if (model instanceof SavedModelPredictor saved) {
      return saved.signatures().stream().filter(s -> s.key().equals(key)).findFirst()
          .orElseThrow(() -> notFound(key));
    }
    if (!key.equals(SavedModelSignature.SERVING_DEFAULT)) {
      throw notFound(key);
    }
    return new SavedModelSignature(key, PREFIX + "predict", List.of(), List.of());
  }

  private static ServingException notFound(String key) {
    return ServingException.badRequest("No signature was found with the name: " + key);
  }

  private static void checkMethod(String method, boolean classify) {
    String expected = PREFIX + (classify ? "classify" : "regress");
    if (!method.equals(expected)) {
      throw ServingException.badRequest("Expected " + (classify ? "classification"
          : "regression") + " signature method_name to be " + expected + ". Was: " + method);
    }
  }

  private static void checkClassify(SavedModelSignature signature) {
    checkOneInput(signature, "classification");
    int outputs = signature.outputs().size();
    if (outputs != 1 && outputs != 2) {
      throw ServingException.badRequest("Expected one or two output Tensors, found " + outputs);
    }
    if (!has(signature.outputs(), "classes") && !has(signature.outputs(), "scores")) {
      throw ServingException.badRequest("Expected classification signature outputs to contain at "
          + "least one of \"classes\" or \"scores\". Signature was: " + describe(signature));
    }
  }

  private static void checkRegress(SavedModelSignature signature) {
    checkOneInput(signature, "regression");
    if (signature.outputs().size() != 1) {
      throw ServingException.badRequest("Expected one output Tensor.");
    }
    if (!has(signature.outputs(), "outputs")) {
      throw ServingException.badRequest("No regression outputs found in SignatureDef: "
          + describe(signature));
    }
  }

  private static void checkOneInput(SavedModelSignature signature, String what) {
    if (signature.inputs().size() != 1) {
      throw ServingException.badRequest("Expected one input Tensor.");
    }
    if (!has(signature.inputs(), "inputs")) {
      throw ServingException.badRequest("No " + what + " inputs found in SignatureDef: "
          + describe(signature));
    }
  }

  private static boolean has(List<SignatureTensor> tensors, String key) {
    return tensors.stream().anyMatch(t -> t.key().equals(key));
  }

  private static String describe(SavedModelSignature signature) {
    return signature.describe().lines().map(String::strip).collect(Collectors.joining("; "));
  }
}
