package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.models.ModelConfigs;
import io.tfbridge.models.ModelSpec;
import io.tfbridge.saving.KerasObject;

/**
 * A Keras model config (config.json, or the legacy {@code model_config} attribute) to a spec: the JSON
 * becomes tfbridge's plain config values, which {@link ModelConfigs} reads (Sequential and Functional,
 * Keras 3 and Keras 2 forms).
 */
final class KerasConfigReader {
  private KerasConfigReader() {}

  /**
   * The model spec the config describes.
   *
   * @throws IllegalArgumentException for another model class, an unsupported layer or option, or a
   *     config without an input shape
   */
  static ModelSpec read(JsonNode root) {
    if (!(ConfigJson.toValue(root) instanceof KerasObject model)) {
      throw new IllegalArgumentException("the model config has no class_name: " + Json.write(root));
    }
    return ModelConfigs.read(model);
  }
}
