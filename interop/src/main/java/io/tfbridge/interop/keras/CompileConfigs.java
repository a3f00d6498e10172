package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.Optimizers;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keras's compile settings ({@code compile_config} in config.json, {@code training_config} in a
 * legacy .h5) to an optimizer, a loss and metric names. The optimizer config is read by
 * {@link OptimizerConfigs}; unsupported metrics are dropped with a warning (they do not change
 * training), unsupported losses and optimizers are refused.
 */
final class CompileConfigs {
  private static final System.Logger LOG = System.getLogger(CompileConfigs.class.getName());
  private static final Set<String> METRICS = Set.of("accuracy", "acc", "sparse_categorical_accuracy",
      "categorical_accuracy", "binary_accuracy");
  private static final Map<String, String> LOSS_CLASSES = Map.of(
      "SparseCategoricalCrossentropy", "sparse_categorical_crossentropy",
      "CategoricalCrossentropy", "categorical_crossentropy",
      "BinaryCrossentropy", "binary_crossentropy",
      "MeanSquaredError", "mean_squared_error");

  /** What {@code compile} takes. */
  record CompileSpec(Optimizer optimizer, Loss loss, List<String> metrics) {}

  private CompileConfigs() {}

  /**
   * The compile settings in {@code config}, or empty if the model was saved uncompiled. A missing
   * optimizer means Adam with Keras's defaults, a missing loss mean_squared_error.
   *
   * @param optimizerKey {@code "optimizer"} (config.json) or {@code "optimizer_config"} (legacy)
   */
  static Optional<CompileSpec> read(JsonNode config, String optimizerKey) {
    if (config == null || !config.isObject()) {
      return Optional.empty();
    }
    JsonNode optimizer = config.path(optimizerKey);
    JsonNode loss = config.path("loss");
    return Optional.of(new CompileSpec(
        optimizer.isObject() || optimizer.isTextual() ? OptimizerConfigs.read(optimizer)
            : Optimizers.get("adam"),
        loss.isMissingNode() || loss.isNull() ? Losses.get("mean_squared_error") : loss(loss),
        metrics(config.path("metrics"))));
  }

  /** The default compile settings of a model saved without them. */
  static CompileSpec defaults() {
    return new CompileSpec(Optimizers.get("adam"), Losses.get("mean_squared_error"), List.of());
  }

  private static Loss loss(JsonNode v) {
    if (v.isTextual()) {
      return lossByName(v.textValue());
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException("loss " + Json.write(v) + " is not supported: tfbridge "
          + "models have one output and one loss");
    }
    String className = v.path("class_name").asText("");
    JsonNode c = v.path("config");
    if (className.equals("function")) {
      return lossByName(c.asText());
    }
    String name = LOSS_CLASSES.get(className);
    if (name == null) {
      return lossByName(className);
    }
    checkLossOption(className, c, "from_logits", false);
    checkLossOption(className, c, "label_smoothing", 0.0);
    checkLossOption(className, c, "ignore_class", null);
    String reduction = c.path("reduction").asText("sum_over_batch_size");
    if (!reduction.equals("sum_over_batch_size") && !reduction.equals("auto")) {
      throw new IllegalArgumentException("loss " + className + " option reduction=" + reduction
          + " is not supported by tfbridge (it reduces with sum_over_batch_size)");
    }
    return Losses.get(name);
  }

  private static void checkLossOption(String className, JsonNode config, String key, Object expected) {
    JsonNode v = config.path(key);
    boolean isDefault = v.isMissingNode() || v.isNull() && expected == null
        || expected instanceof Boolean b && v.isBoolean() && v.booleanValue() == b
        || expected instanceof Double d && v.isNumber() && v.doubleValue() == d;
    if (!isDefault) {
      throw new IllegalArgumentException("loss " + className + " option " + key + "=" + Json.write(v)
          + " is not supported by tfbridge");
    }
  }

  private static Loss lossByName(String name) {
    try {
      return Losses.get(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("compile config: " + e.getMessage());
    }
  }

  private static List<String> metrics(JsonNode v) {
    List<String> names = new ArrayList<>();
    if (!v.isArray()) {
      return names;
    }
    for (JsonNode m : v) {
      String name = m.isTextual() ? m.textValue() : m.path("config").path("name").asText(null);
      if (name != null && METRICS.contains(name.toLowerCase(Locale.ROOT))) {
        names.add(name.toLowerCase(Locale.ROOT));
      } else {
        LOG.log(Level.WARNING, "Keras file metric {0} is not supported by tfbridge; the model is "
            + "compiled without it (known: {1})", Json.write(m), METRICS);
      }
    }
    return names;
  }
}
