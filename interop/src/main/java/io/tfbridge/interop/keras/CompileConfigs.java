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

  /**
   * What {@code compile} takes: the optimizer, the losses (one for every output, one per output in
   * order, or by output name), their weights (null for 1 each; a list or by output name) and metric
   * names.
   */
  record CompileSpec(Optimizer optimizer, List<Loss> losses, Map<String, Loss> lossesByName,
      List<Double> weights, Map<String, Double> weightsByName, List<String> metrics) {

    /** One loss for every output. */
    CompileSpec(Optimizer optimizer, Loss loss, List<String> metrics) {
      this(optimizer, List.of(loss), Map.of(), null, Map.of(), metrics);
    }

    /** Compiles {@code spec} with these settings, resolving losses given by output name. */
    io.tfbridge.models.Model compile(io.tfbridge.models.ModelSpec spec) {
      List<String> names = spec.outputs().stream()
          .map(r -> r.node() == 0 ? r.layer() : r.layer() + "_" + r.node()).toList();
      List<Loss> all = lossesByName.isEmpty() ? losses : byName(lossesByName, names, "loss");
      List<Double> w = weightsByName.isEmpty() ? weights : byName(weightsByName, names, "loss_weights");
      return spec.compile(optimizer, all, w, metrics);
    }

    private static <T> List<T> byName(Map<String, T> values, List<String> names, String what) {
      for (String key : values.keySet()) {
        if (!names.contains(key)) {
          throw new IllegalArgumentException("compile config " + what + " names output '" + key
              + "', which the model does not have; outputs: " + names);
        }
      }
      return names.stream().map(n -> {
        T v = values.get(n);
        if (v == null) {
          throw new IllegalArgumentException("compile config " + what + " gives nothing for output '"
              + n + "'");
        }
        return v;
      }).toList();
    }
  }

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
    JsonNode weights = config.path("loss_weights");
    Optimizer opt = optimizer.isObject() || optimizer.isTextual() ? OptimizerConfigs.read(optimizer)
        : Optimizers.get("adam");
    List<Loss> losses = new ArrayList<>();
    Map<String, Loss> byName = new java.util.LinkedHashMap<>();
    if (loss.isMissingNode() || loss.isNull()) {
      losses.add(Losses.get("mean_squared_error"));
    } else if (loss.isArray()) {
      loss.forEach(l -> losses.add(loss(l)));
    } else if (loss.isObject() && !loss.has("class_name")) {
      loss.fields().forEachRemaining(e -> byName.put(e.getKey(), loss(e.getValue())));
    } else {
      losses.add(loss(loss));
    }
    List<Double> w = null;
    Map<String, Double> wByName = new java.util.LinkedHashMap<>();
    if (weights.isArray()) {
      w = new ArrayList<>();
      for (JsonNode x : weights) {
        w.add(x.asDouble());
      }
    } else if (weights.isObject()) {
      weights.fields().forEachRemaining(e -> wByName.put(e.getKey(), e.getValue().asDouble()));
    } else if (weights.isNumber()) {
      w = List.of(weights.asDouble());
    }
    return Optional.of(new CompileSpec(opt, losses, byName, w, wByName,
        metrics(config.path("metrics"))));
  }

  /** The default compile settings of a model saved without them. */
  static CompileSpec defaults() {
    return new CompileSpec(Optimizers.get("adam"), Losses.get("mean_squared_error"), List.of());
  }

  private static Loss loss(JsonNode v) {
    if (!v.isTextual() && !v.isObject()) {
      throw new IllegalArgumentException("loss " + Json.write(v) + " is not supported: give a loss "
          + "name, a serialized loss, a list of them or a dict by output name");
    }
    try {
      return Losses.deserialize(ConfigJson.toValue(v));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("compile config: " + e.getMessage(), e);
    }
  }

  /**
   * The metric names: a list, a list per output or a dict by output (flattened: tfbridge computes
   * each named metric for every output).
   */
  private static List<String> metrics(JsonNode v) {
    List<String> names = new ArrayList<>();
    List<JsonNode> flat = new ArrayList<>();
    flattenMetrics(v, flat);
    for (JsonNode m : flat) {
      if (m.isNull()) {
        continue;
      }
      String name = m.isTextual() ? m.textValue() : m.path("config").path("name").asText(null);
      if (name != null && METRICS.contains(name.toLowerCase(Locale.ROOT))) {
        if (!names.contains(name.toLowerCase(Locale.ROOT))) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      } else {
        LOG.log(Level.WARNING, "Keras file metric {0} is not supported by tfbridge; the model is "
            + "compiled without it (known: {1})", Json.write(m), METRICS);
      }
    }
    return names;
  }

  private static void flattenMetrics(JsonNode v, List<JsonNode> into) {
    if (v.isArray()) {
      v.forEach(x -> flattenMetrics(x, into));
    } else if (v.isObject() && !v.has("class_name")) {
      v.fields().forEachRemaining(e -> flattenMetrics(e.getValue(), into));
    } else {
      into.add(v);
    }
  }
}
