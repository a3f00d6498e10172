package io.tfbridge.initializers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Initializers to and from Keras's serialized form: a name ({@code "glorot_uniform"}) or
 * {@code {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {...}}}. A seed is
 * read and dropped: tfbridge draws every initial weight from the model's seed.
 *
 * <pre>{@code
 * Initializer init = Initializers.deserialize("glorot_uniform");
 * KerasObject serialized = Initializers.serialize(init);
 * }</pre>
 */
public final class Initializers {
  private static final Map<String, Function<ConfigReader, Initializer>> READERS = new LinkedHashMap<>();

  /** Keras's other names for some classes ({@code keras.initializers.get}). */
  private static final Map<String, String> ALIASES = Map.of("uniform", "RandomUniform",
      "normal", "RandomNormal", "one", "Ones", "zero", "Zeros", "identityinitializer", "Identity",
      "orthogonalinitializer", "Orthogonal");

  static {
    READERS.put("GlorotUniform", c -> withFanAxes(c, GlorotUniform.of()));
    READERS.put("GlorotNormal", c -> withFanAxes(c, GlorotNormal.of()));
    READERS.put("HeNormal", c -> withFanAxes(c, HeNormal.of()));
    READERS.put("HeUniform", c -> withFanAxes(c, HeUniform.of()));
    READERS.put("LecunNormal", c -> withFanAxes(c, LecunNormal.of()));
    READERS.put("LecunUniform", c -> withFanAxes(c, LecunUniform.of()));
    READERS.put("VarianceScaling", c -> withFanAxes(c, VarianceScaling.of(c.getDouble("scale", 1.0),
        c.getString("mode", "fan_in"), c.getString("distribution", "truncated_normal"))));
    READERS.put("Orthogonal", c -> Orthogonal.of().gain(c.getDouble("gain", 1.0)));
    READERS.put("Identity", c -> Identity.of().gain(c.getDouble("gain", 1.0)));
    READERS.put("Zeros", c -> Zeros.of());
    READERS.put("Ones", c -> Ones.of());
    READERS.put("Constant", c -> Constant.of(c.getDouble("value", 0.0)));
    READERS.put("RandomUniform", c ->
        RandomUniform.of(c.getDouble("minval", -0.05), c.getDouble("maxval", 0.05)));
    READERS.put("RandomNormal", c ->
        RandomNormal.of(c.getDouble("mean", 0.0), c.getDouble("stddev", 0.05)));
    READERS.put("TruncatedNormal", c ->
        TruncatedNormal.of(c.getDouble("mean", 0.0), c.getDouble("stddev", 0.05)));
  }

  private Initializers() {}

  /**
   * The initializer a Keras config value names: a string or a {@link KerasObject}.
   *
   * @throws IllegalArgumentException for an unknown class or an option tfbridge does not implement
   */
  public static Initializer deserialize(Object value) {
    String className;
    Config options;
    if (value instanceof String s) {
      className = s;
      options = Config.empty();
    } else if (value instanceof KerasObject o) {
      className = o.className();
      options = o.options();
    } else {
      throw new IllegalArgumentException("an initializer must be a name or a serialized "
          + "initializer, found " + value);
    }
    Function<ConfigReader, Initializer> reader = READERS.get(canonical(className));
    if (reader == null) {
      throw new IllegalArgumentException(className + " is not supported by "
          + "tfbridge; supported initializers: " + String.join(", ", READERS.keySet()));
    }
    ConfigReader c = new ConfigReader(options, "initializer " + className).ignore("seed");
    Initializer initializer = reader.apply(c);
    c.finish();
    return initializer;
  }

  /** Keras's serialized form of {@code initializer}. */
  public static KerasObject serialize(Initializer initializer) {
    return KerasObject.of("keras.initializers", initializer.kerasName(), initializer.getConfig());
  }

  /** The fan axes ({@code input_axes}, {@code output_axes}) a VarianceScaling config may give. */
  private static VarianceScaling withFanAxes(ConfigReader c, VarianceScaling init) {
    int[] in = axes(c, "input_axes");
    int[] out = axes(c, "output_axes");
    return in == null && out == null ? init : init.fanAxes(in, out);
  }

  private static int[] axes(ConfigReader c, String key) {
    if (!c.has(key)) {
      c.ignore(key);
      return null;
    }
    return c.getList(key).stream().mapToInt(v -> {
      if (!(v instanceof Integer i)) {
        throw c.error("option " + key + " must be a list of integers, found " + c.get(key));
      }
      return i;
    }).toArray();
  }

  /** A class name or snake-case alias ({@code glorot_uniform}, {@code uniform}) to the class name. */
  private static String canonical(String name) {
    String key = name.replace("_", "").toLowerCase(Locale.ROOT);
    String alias = ALIASES.get(name.toLowerCase(Locale.ROOT));
    if (alias != null) {
      return alias;
    }
    for (String className : READERS.keySet()) {
      if (className.toLowerCase(Locale.ROOT).equals(key)) {
        return className;
      }
    }
    return name;
  }
}
