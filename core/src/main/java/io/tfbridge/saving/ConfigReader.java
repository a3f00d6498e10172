package io.tfbridge.saving;

import io.tfbridge.activations.Activation;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Typed, checked access to a Keras object's {@link Config}, for a layer's {@code fromConfig}. Every
 * error names the object ({@code layer 'conv2d_1' (Conv2D)}). It remembers the options read:
 * {@link #finish()} refuses any other option whose value is not null, so an option tfbridge does not
 * implement is refused at load rather than silently ignored.
 *
 * <pre>{@code
 * static Dense fromConfig(ConfigReader c) {
 *   return Dense.of(c.getInt("units")).activation(c.activation("activation", Activation.LINEAR));
 * }
 * }</pre>
 */
public final class ConfigReader {
  private final Config config;
  private final String owner;
  private final Set<String> read = new HashSet<>();

  /**
   * @param config the options
   * @param owner what errors name, e.g. {@code "layer 'dense' (Dense)"}
   */
  public ConfigReader(Config config, String owner) {
    this.config = Objects.requireNonNull(config);
    this.owner = owner;
  }

  /** What errors name. */
  public String owner() {
    return owner;
  }

  /** The options. */
  public Config config() {
    return config;
  }

  /** Whether the option is present and not null. */
  public boolean has(String key) {
    return config.get(key) != null;
  }

  /** The raw value (null if absent or null), marked read. */
  public Object get(String key) {
    read.add(key);
    return config.get(key);
  }

  /** Marks options as read without using them (e.g. a seed, which weights from a file make moot). */
  public ConfigReader ignore(String... keys) {
    read.addAll(List.of(keys));
    return this;
  }

  /** A required integer option. */
  public int getInt(String key) {
    Object v = get(key);
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() != ((Number) v).intValue()) {
      throw error("option " + key + " must be an integer, found " + show(v));
    }
    return ((Number) v).intValue();
  }

  /** An integer option, {@code fallback} if absent or null. */
  public int getInt(String key, int fallback) {
    return has(key) ? getInt(key) : mark(key, fallback);
  }

  /** A required number. */
  public double getDouble(String key) {
    Object v = get(key);
    if (!(v instanceof Number n)) {
      throw error("option " + key + " must be a number, found " + show(v));
    }
    return n.doubleValue();
  }

  /** A number, {@code fallback} if absent or null. */
  public double getDouble(String key, double fallback) {
    return has(key) ? getDouble(key) : mark(key, fallback);
  }

  /** A boolean, {@code fallback} if absent or null. */
  public boolean getBool(String key, boolean fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw error("option " + key + " must be true or false, found " + show(v));
    }
    return b;
  }

  /** A string, {@code fallback} if absent or null. */
  public String getString(String key, String fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s)) {
      throw error("option " + key + " must be a string, found " + show(v));
    }
    return s;
  }

  /** A string that must be one of {@code allowed}; {@code fallback} if absent. */
  public String getChoice(String key, String fallback, String... allowed) {
    String v = getString(key, fallback);
    if (!List.of(allowed).contains(v)) {
      throw unsupported(key + "=\"" + v + "\" (supported: " + String.join(", ", allowed) + ")");
    }
    return v;
  }

  /**
   * {@code n} integers, as Keras writes tuples ({@code kernel_size: [3, 3]}); a single integer means
   * {@code n} copies, {@code fallback} (if not null) stands for an absent option.
   */
  public int[] getInts(String key, int n, int[] fallback) {
    Object v = get(key);
    if (v == null && fallback != null) {
      return fallback.clone();
    }
    if (v instanceof Integer || v instanceof Long) {
      int[] all = new int[n];
      java.util.Arrays.fill(all, getInt(key));
      return all;
    }
    if (!(v instanceof List<?> list) || list.size() != n
        || !list.stream().allMatch(x -> x instanceof Integer || x instanceof Long)) {
      throw error("option " + key + " must be " + (n == 1 ? "an integer" : n + " integers")
          + " or a list of them, found " + show(v));
    }
    return list.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
  }

  /** A list (empty if absent or null). */
  public List<?> getList(String key) {
    Object v = get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw error("option " + key + " must be a list, found " + show(v));
    }
    return list;
  }

  /** A nested serialized object, or null if absent. */
  public KerasObject getObject(String key) {
    Object v = get(key);
    if (v != null && !(v instanceof KerasObject)) {
      throw error("option " + key + " must be a serialized Keras object, found " + show(v));
    }
    return (KerasObject) v;
  }

  /** The initializer under {@code key} (a name or a serialized initializer), or {@code fallback}. */
  public Initializer initializer(String key, Initializer fallback) {
    Object v = get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Initializers.deserialize(v);
    } catch (IllegalArgumentException e) {
      throw error(key + " " + e.getMessage());
    }
  }

  /** The activation under {@code key} (a name or a serialized function), or {@code fallback}. */
  public Activation activation(String key, Activation fallback) {
    Object v = get(key);
    if (v == null) {
      return config.containsKey(key) ? Activation.LINEAR : fallback;
    }
    String name = v instanceof KerasObject o
        ? (o.config() instanceof String s ? s : o.className()) : String.valueOf(v);
    try {
      return Activation.get(name);
    } catch (IllegalArgumentException e) {
      throw error(key + " '" + name + "' is not supported by tfbridge; supported activations: "
          + Activation.knownNames() + " (a Python function registered by name needs "
          + "Activation.register(\"" + name + "\", formula) first)");
    }
  }

  /** Refuses the option unless it is absent, null or equal to {@code expected}. */
  public void requireDefault(String key, Object expected) {
    Object v = get(key);
    if (v == null) {
      return;
    }
    Object found = v instanceof Number n ? (Object) n.doubleValue() : v;
    Object want = expected instanceof Number n ? (Object) n.doubleValue() : expected;
    if (!Objects.equals(found, want)) {
      throw unsupported(key + "=" + show(v));
    }
  }

  /**
   * Refuses every option that was not read and is not null: tfbridge would otherwise ignore an option
   * that changes what the layer computes.
   */
  public void finish() {
    for (String key : config.keys()) {
      if (!read.contains(key) && config.get(key) != null) {
        throw unsupported(key + "=" + show(config.get(key)));
      }
    }
  }

  /** An error about this object. */
  public IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(owner + ": " + problem);
  }

  /** The error for an option tfbridge does not support. */
  public IllegalArgumentException unsupported(String option) {
    return error("option " + option + " is not supported by tfbridge");
  }

  private <T> T mark(String key, T value) {
    read.add(key);
    return value;
  }

  /** A value as Keras's JSON would show it. */
  static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof KerasObject o) {
      return o.className() + (o.config() instanceof String s ? "(" + s + ")" : o.options().toString());
    }
    return v.toString();
  }
}
