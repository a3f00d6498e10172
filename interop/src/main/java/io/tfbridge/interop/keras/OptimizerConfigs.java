package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.Optimizers;
import io.tfbridge.optimizers.SGD;
import java.util.Locale;

/**
 * Keras optimizer configs ({@code {"class_name": "Adam", "config": {"learning_rate": ...}}}) to and
 * from the DSL's {@link Adam} and {@link SGD}. Options the DSL lacks (clipping, weight decay, EMA,
 * learning-rate schedules, amsgrad) are refused unless they have Keras's default value.
 */
final class OptimizerConfigs {
  private static final String[] NULL_OPTIONS = {"weight_decay", "clipnorm", "global_clipnorm",
      "clipvalue", "loss_scale_factor", "gradient_accumulation_steps", "ema_overwrite_frequency"};

  private OptimizerConfigs() {}

  /** The optimizer of a serialized config, or of a name such as {@code "adam"}. */
  static Optimizer read(JsonNode v) {
    if (v.isTextual()) {
      return Optimizers.get(v.textValue());
    }
    String className = v.path("class_name").asText("");
    JsonNode c = v.path("config");
    checkCommon(className, c);
    switch (className.toLowerCase(Locale.ROOT)) {
      case "adam":
        require(className, c, "amsgrad", !c.path("amsgrad").asBoolean(false));
        return Adam.of().learningRate(learningRate(className, c, 0.001))
            .betas(c.path("beta_1").asDouble(0.9), c.path("beta_2").asDouble(0.999))
            .epsilon(c.path("epsilon").asDouble(1e-7));
      case "sgd":
        return SGD.of().learningRate(learningRate(className, c, 0.01))
            .momentum(c.path("momentum").asDouble(0)).nesterov(c.path("nesterov").asBoolean(false));
      default:
        throw new IllegalArgumentException("optimizer " + className + " is not supported by "
            + "tfbridge; supported optimizers: Adam, SGD");
    }
  }

  private static void checkCommon(String className, JsonNode c) {
    for (String key : NULL_OPTIONS) {
      require(className, c, key, c.path(key).isMissingNode() || c.path(key).isNull());
    }
    require(className, c, "use_ema", !c.path("use_ema").asBoolean(false));
    require(className, c, "decay", c.path("decay").asDouble(0) == 0);
  }

  private static double learningRate(String className, JsonNode c, double fallback) {
    String key = c.hasNonNull("learning_rate") || !c.has("lr") ? "learning_rate" : "lr";
    JsonNode lr = c.path(key);
    require(className, c, key, lr.isMissingNode() || lr.isNumber());
    return lr.isNumber() ? lr.doubleValue() : fallback;
  }

  private static void require(String className, JsonNode c, String key, boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("optimizer " + className + " option " + key + "="
          + Json.write(c.path(key)) + " is not supported by tfbridge");
    }
  }

  /** Keras's class name of {@code optimizer}: {@code "Adam"} or {@code "SGD"}. */
  static String className(Optimizer optimizer) {
    if (optimizer instanceof Adam) {
      return "Adam";
    }
    if (optimizer instanceof SGD) {
      return "SGD";
    }
    throw new IllegalArgumentException("optimizer " + optimizer.kerasName()
        + " cannot be written to a Keras file; supported: Adam, SGD");
  }

  /** The optimizer's config as Keras 3.15 writes it, every option included. */
  static ObjectNode write(Optimizer optimizer) {
    String className = className(optimizer);
    ObjectNode c = Json.object().put("name", optimizer.kerasName())
        .put("learning_rate", (double) (float) optimizer.learningRate());
    c.putNull("weight_decay").putNull("clipnorm").putNull("global_clipnorm").putNull("clipvalue");
    c.put("use_ema", false).put("ema_momentum", 0.99).putNull("ema_overwrite_frequency");
    c.putNull("loss_scale_factor").putNull("gradient_accumulation_steps");
    if (optimizer instanceof Adam adam) {
      c.put("beta_1", adam.beta1()).put("beta_2", adam.beta2()).put("epsilon", adam.epsilon())
          .put("amsgrad", false);
    } else if (optimizer instanceof SGD sgd) {
      c.put("momentum", sgd.momentum()).put("nesterov", sgd.nesterov());
    }
    return Json.serialized("keras.optimizers", className, c);
  }
}
