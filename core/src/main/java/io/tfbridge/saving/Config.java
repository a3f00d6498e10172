package io.tfbridge.saving;

import io.tfbridge.activations.Activation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Keras object's options in Keras's key order, as plain values: {@code null}, {@link Boolean},
 * {@link Integer}/{@link Long}, {@link Double}, {@link String}, {@link List} of values, a nested
 * {@code Config} (a plain dict) or a {@link KerasObject} (a serialized object: an initializer, a
 * wrapped layer, a dtype policy). Immutable.
 *
 * <pre>{@code
 * Config config = Config.builder().put("units", 10).put("activation", "relu").putNull("seed").build();
 * }</pre>
 */
public final class Config {
  private static final Config EMPTY = new Config(Map.of());
  private final Map<String, Object> values;

  private Config(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A config without options. */
  public static Config empty() {
    return EMPTY;
  }

  /** A builder that keeps the order options are put in. */
  public static Builder builder() {
    return new Builder();
  }

  /** The option names, in order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** Whether the option is present (possibly null). */
  public boolean containsKey(String key) {
    return values.containsKey(key);
  }

  /** The value of an option, or null if it is absent or null. */
  public Object get(String key) {
    return values.get(key);
  }

  /** The options as an unmodifiable ordered map. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** A builder holding these options, to add or replace some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Builds a {@link Config} option by option, in Keras's key order. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /** Puts an option; the value must be one of the plain types {@link Config} lists. */
    public Builder put(String key, Object value) {
      values.put(key, check(key, value));
      return this;
    }

    /**
     * An activation as Keras writes it: the name of a Keras activation ({@code "relu"}), and for a
     * registered function the object Keras writes for it ({@code {"module": "builtins",
     * "class_name": "function", "config": "Text>gelu", "registered_name": "function"}}).
     */
    public Builder put(String key, Activation activation) {
      String name = activation.kerasName();
      return put(key, activation.isBuiltIn() ? name
          : new KerasObject("builtins", "function", name, "function"));
    }

    /** Puts options whose value is null (Keras writes unset regularizers and constraints so). */
    public Builder putNull(String... keys) {
      for (String key : keys) {
        values.put(key, null);
      }
      return this;
    }

    /** Puts every option of {@code other}, in its order. */
    public Builder putAll(Config other) {
      other.values.forEach(this::put);
      return this;
    }

    /** Puts a list of ints, as Keras writes tuples such as {@code kernel_size}. */
    public Builder putInts(String key, int... ints) {
      return put(key, java.util.Arrays.stream(ints).boxed().toList());
    }

    /** Puts a list of longs, e.g. a shape. */
    public Builder putLongs(String key, long... longs) {
      return put(key, java.util.Arrays.stream(longs).boxed().toList());
    }

    /** The config. */
    public Config build() {
      return new Config(new LinkedHashMap<>(values));
    }

    private static Object check(String key, Object value) {
      if (value == null || value instanceof Boolean || value instanceof Integer
          || value instanceof Long || value instanceof Double || value instanceof String
          || value instanceof Config || value instanceof KerasObject) {
        return value;
      }
      if (value instanceof Float f) {
        return f.doubleValue();
      }
      if (value instanceof List<?> list) {
        return list.stream().map(v -> check(key, v)).toList(); // unmodifiable, nulls allowed
      }
      throw new IllegalArgumentException("Config option '" + key + "' has a value of type "
          + value.getClass().getName() + "; options are null, booleans, numbers, strings, lists, "
          + "Configs or KerasObjects");
    }
  }
}
