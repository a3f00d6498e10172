package io.tfbridge.models;

import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.saving.KerasObject;

/**
 * A model's Keras config both ways, without a file format: Keras 3's (and Keras 2's) serialized
 * {@code Sequential} and {@code Functional} models to specs, and a compiled model's definition to the
 * config Keras 3.15 writes. Interop turns these into config.json and the legacy {@code model_config}.
 *
 * <pre>{@code
 * KerasObject config = ModelConfigs.write(model.definition());
 * ModelSpec again = ModelConfigs.read(config);
 * }</pre>
 */
public final class ModelConfigs {
  private ModelConfigs() {}

  /**
   * The spec a serialized model describes: a {@link Sequential} or a {@link Functional}.
   *
   * @throws IllegalArgumentException for another model class, an unsupported layer or option, or a
   *     config without an input shape, naming the layer
   */
  public static ModelSpec read(KerasObject model) {
    return switch (model.className()) {
      case "Sequential" -> SequentialConfig.read(model);
      case "Functional", "Model" -> FunctionalConfig.read(model);
      default -> throw new IllegalArgumentException("model class '" + model.className()
          + "' is not supported: tfbridge loads Sequential and Functional models");
    };
  }

  /**
   * The architecture of a compiled model as Keras 3.15 writes it: a {@code Sequential} when it is a
   * plain chain, else a {@code Functional}, each layer with its config and build_config.
   */
  public static KerasObject write(ModelDefinition d) {
    return d.isChain() ? SequentialConfig.write(d) : FunctionalConfig.write(d);
  }
}
