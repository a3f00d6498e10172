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

  static {
    READERS.put("GlorotUniform", c -> GlorotUniform.of());
    READERS.put("Orthogonal", c -> {
      c.requireDefault("gain", 1.0);
      return Orthogonal.of();
    });
    READERS.put("Zeros", c -> Zeros.of());
    READERS.put("Ones", c -> Ones.of());
    READERS.put("RandomUniform", c ->
        RandomUniform.of(c.getDouble("minval", -0.05), c.getDouble("maxval", 0.05)));
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

  /** A class name or snake-case alias ({@code glorot_uniform}, {@code uniform}) to the class name. */
  private static String canonical(String name) {
    String key = name.replace("_", "").toLowerCase(Locale.ROOT);
    if (key.equals("uniform")) {
      return "RandomUniform";
    }
    for (String className : READERS.keySet()) {
      if (className.toLowerCase(Locale.ROOT).equals(key)) {
        return className;
      }
    }
    return name;
  }
}
