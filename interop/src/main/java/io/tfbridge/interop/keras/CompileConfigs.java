package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.metrics.Metric;
import io.tfbridge.metrics.Metrics;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.Optimizers;
import io.tfbridge.saving.KerasObject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keras's compile settings ({@code compile_config} in config.json, {@code training_config} in a
 * legacy .h5) to an optimizer, a loss and metric names. The optimizer config is read by
 * {@link OptimizerConfigs}; metrics by name ({@link Metrics#get(String)}) or as serialized objects
 * with their options ({@link Metrics#deserialize}); metrics tfbridge does not have are dropped with a
 * warning (they do not change training), unsupported losses and optimizers are refused.
 */
final class CompileConfigs {
  private static final System.Logger LOG = System.getLogger(CompileConfigs.class.getName());

  /**
   * What {@code compile} takes: the optimizer, the losses (one for every output, one per output in
   * order, or by output name), their weights (null for 1 each; a list or by output name) and the
   * metrics.
   */
  record CompileSpec(Optimizer optimizer, List<Loss> losses, Map<String, Loss> lossesByName,
      List<Double> weights, Map<String, Double> weightsByName, List<Metric> metrics) {

    /** One loss for every output. */
    CompileSpec(Optimizer optimizer, Loss loss, List<Metric> metrics) {
      this(optimizer, List.of(loss), Map.of(), null, Map.of(), metrics);
    }

    /** Compiles {@code spec} with these settings, resolving losses given by output name. */
    io.tfbridge.models.Model compile(io.tfbridge.models.ModelSpec spec) {
      List<String> names = spec.outputs().stream()
          .map(r -> r.node() == 0 ? r.layer() : r.layer() + "_" + r.node()).toList();
      List<Loss> all = lossesByName.isEmpty() ? losses : byName(lossesByName, names, "loss");
      List<Double> w = weightsByName.isEmpty() ? weights : byName(weightsByName, names, "loss_weights");
      return spec.compile(optimizer, all, w, metrics.toArray(Metric[]::new));
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
   * The metrics: a list, a list per output or a dict by output (flattened: tfbridge computes each
   * metric for every output), each a name or a serialized metric; the same metric twice counts once.
   */
  private static List<Metric> metrics(JsonNode v) {
    List<Metric> metrics = new ArrayList<>();
    List<JsonNode> flat = new ArrayList<>();
    flattenMetrics(v, flat);
    for (JsonNode m : flat) {
      if (m.isNull()) {
        continue;
      }
      Metric metric = metric(m);
      if (metric != null && metrics.stream().noneMatch(x -> x.name().equals(metric.name()))) {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  /** The metric {@code m} names or describes, or null (with a warning) if tfbridge lacks it. */
  private static Metric metric(JsonNode m) {
    if (m.isTextual() && Metrics.isKnown(m.textValue())) {
      return Metrics.get(m.textValue());
    }
    if (m.isObject() && m.has("class_name") && m.path("config").isObject()) {
      try {
        return Metrics.deserialize((KerasObject) ConfigJson.toValue(m));
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "Keras file metric {0} is not supported by tfbridge ({1}); the "
            + "model is compiled without it", Json.write(m), e.getMessage());
        return null;
      }
    }
    LOG.log(Level.WARNING, "Keras file metric {0} is not supported by tfbridge; the model is "
        + "compiled without it", Json.write(m));
    return null;
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
