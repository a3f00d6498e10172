package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Ones;
import io.tfbridge.initializers.Orthogonal;
import io.tfbridge.initializers.RandomUniform;
import io.tfbridge.initializers.Zeros;
import java.util.Locale;

/**
 * Keras initializer configs ({@code {"class_name": "GlorotUniform", "config": {"seed": null}}} or a
 * name such as {@code "glorot_uniform"}) to and from the DSL's initializers. A seed is accepted and
 * dropped: a loaded model's weights come from the file, and tfbridge draws from the model's seed.
 */
final class InitializerConfigs {
  static final String SUPPORTED = "GlorotUniform (glorot_uniform), Orthogonal (orthogonal, gain 1.0), "
      + "Zeros (zeros), RandomUniform (uniform, random_uniform), Ones (ones)";

  private InitializerConfigs() {}

  /** The initializer under {@code key}, or {@code fallback} if the config has none. */
  static Initializer read(LayerConfig layer, String key, Initializer fallback) {
    JsonNode v = layer.node(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    String className = v.isTextual() ? v.textValue() : v.path("class_name").asText("");
    switch (className.replace("_", "").toLowerCase(Locale.ROOT)) {
      case "glorotuniform":
        return GlorotUniform.of();
      case "zeros":
        return Zeros.of();
      case "ones":
        return Ones.of();
      case "randomuniform":
      case "uniform":
        return RandomUniform.of(v.path("config").path("minval").asDouble(-0.05),
            v.path("config").path("maxval").asDouble(0.05));
      case "orthogonal":
        double gain = v.path("config").path("gain").asDouble(1.0);
        if (gain != 1.0) {
          throw layer.error(key + " Orthogonal(gain=" + gain + ") is not supported: only gain 1.0");
        }
        return Orthogonal.of();
      default:
        throw layer.error(key + " " + (className.isEmpty() ? Json.write(v) : className)
            + " is not supported by tfbridge; supported initializers: " + SUPPORTED);
    }
  }

  /** Keras's serialized form of {@code initializer}, with Keras's default options. */
  static ObjectNode write(Initializer initializer) {
    ObjectNode config = Json.object();
    if (initializer instanceof GlorotUniform) {
      config.putNull("seed").putNull("input_axes").putNull("output_axes");
    } else if (initializer instanceof Orthogonal) {
      config.putNull("seed").put("gain", 1.0);
    } else if (initializer instanceof RandomUniform u) {
      config.putNull("seed").put("minval", u.minval()).put("maxval", u.maxval());
    } else if (!(initializer instanceof Zeros) && !(initializer instanceof Ones)) {
      throw new IllegalArgumentException("initializer " + initializer.kerasName()
          + " has no Keras config in tfbridge; supported: " + SUPPORTED);
    }
    return Json.serialized("keras.initializers", initializer.kerasName(), config);
  }
}
