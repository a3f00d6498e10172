package io.tfbridge.interop.savedmodel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * A signature of a SavedModel: its key ({@code serving_default}), its method name
 * ({@code tensorflow/serving/predict}) and its inputs and outputs, each sorted by key (a
 * SignatureDef's maps have no order of their own).
 *
 * <pre>{@code
 * for (SavedModelSignature s : predictor.signatures()) {
 *   System.out.print(s.describe());
 * }
 * // signature 'serving_default' (tensorflow/serving/predict)
 * //   input  keras_tensor_15: float32 (None, 4)
 * //   output output_0: float32 (None, 3)
 * }</pre>
 *
 * @param key the signature's name
 * @param methodName the SignatureDef's method name
 * @param inputs the inputs, by key
 * @param outputs the outputs, by key
 */
public record SavedModelSignature(String key, String methodName, List<SignatureTensor> inputs,
    List<SignatureTensor> outputs) {

  /** The key of the signature used when none is named. */
  public static final String SERVING_DEFAULT = "serving_default";

  /** Copies the lists. */
  public SavedModelSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The signature a {@code SignatureDef} describes. */
  static SavedModelSignature of(String key, SignatureDef def) {
    return new SavedModelSignature(key, def.getMethodName(), tensors(def.getInputsMap()),
        tensors(def.getOutputsMap()));
  }

  /**
   * True for the signatures callers use; false for TensorFlow's internal ones such as
   * {@code __saved_model_init_op}, which only run initializers.
   */
  static boolean isPublic(String key) {
    return !key.startsWith("__");
  }

  /** True if every input and output is {@link SignatureTensor#supported() supported}. */
  public boolean supported() {
    return inputs.stream().allMatch(SignatureTensor::supported)
        && outputs.stream().allMatch(SignatureTensor::supported);
  }

  /** The signature, one line per input and output, as {@code tfbridge inspect} prints it. */
  public String describe() {
    StringBuilder text = new StringBuilder("signature '" + key + "'");
    text.append(methodName.isEmpty() ? "" : " (" + methodName + ")").append('\n');
    inputs.forEach(t -> text.append("  input  ").append(t.describe()).append('\n'));
    outputs.forEach(t -> text.append("  output ").append(t.describe()).append('\n'));
    return text.toString();
  }

  private static List<SignatureTensor> tensors(Map<String, TensorInfo> infos) {
    return infos.entrySet().stream()
        .map(e -> SignatureTensor.of(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(SignatureTensor::key))
        .toList();
  }
}
