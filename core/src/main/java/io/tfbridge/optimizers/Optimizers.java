package io.tfbridge.optimizers;

import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Optimizers by their Keras names ({@code "adam"}, with Keras's defaults) and to and from Keras's
 * serialized form ({@code {"module": "keras.optimizers", "class_name": "Adam", "config": {...}}}).
 *
 * <pre>{@code
 * Optimizer adam = Optimizers.get("adam");
 * KerasObject saved = Optimizers.serialize(adam);
 * Optimizer back = Optimizers.deserialize(saved);
 * }</pre>
 */
public final class Optimizers {
  private static final Map<String, Supplier<Optimizer>> BY_NAME = new LinkedHashMap<>();
  private static final Map<String, Function<ConfigReader, Optimizer>> READERS =
      new LinkedHashMap<>();

  static {
    register("adam", "Adam", Adam::of, Adam::fromConfig);
    register("sgd", "SGD", SGD::of, SGD::fromConfig);
    register("rmsprop", "RMSprop", RMSprop::of, RMSprop::fromConfig);
    register("adagrad", "Adagrad", Adagrad::of, Adagrad::fromConfig);
    register("adadelta", "Adadelta", Adadelta::of, Adadelta::fromConfig);
    register("ftrl", "Ftrl", Ftrl::of, Ftrl::fromConfig);
    register("adafactor", "Adafactor", Adafactor::of, Adafactor::fromConfig);
    register("adamw", "AdamW", AdamW::of, AdamW::fromConfig);
    register("adamax", "Adamax", Adamax::of, Adamax::fromConfig);
    register("nadam", "Nadam", Nadam::of, Nadam::fromConfig);
    register("lion", "Lion", Lion::of, Lion::fromConfig);
  }

  private Optimizers() {}

  private static void register(String name, String className, Supplier<Optimizer> defaults,
      Function<ConfigReader, Optimizer> reader) {
    BY_NAME.put(name, defaults);
    READERS.put(className.toLowerCase(Locale.ROOT), reader);
  }

  /**
   * The optimizer of this Keras name (case-insensitive), with Keras's default arguments.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Optimizer get(String name) {
    Supplier<Optimizer> optimizer = name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (optimizer == null) {
      throw new IllegalArgumentException(
          "Unknown optimizer: '" + name + "'. Known optimizers: " + String.join(", ", BY_NAME.keySet()));
    }
    return optimizer.get();
  }

  /** Keras's serialized form of {@code optimizer}. */
  public static KerasObject serialize(Optimizer optimizer) {
    return KerasObject.of("keras.optimizers", optimizer.className(), optimizer.getConfig());
  }

  /**
   * The optimizer a serialized Keras object (or a name) describes.
   *
   * @throws IllegalArgumentException for an unknown class or an option tfbridge does not implement
   */
  public static Optimizer deserialize(Object value) {
    if (value instanceof String name) {
      return get(name);
    }
    if (!(value instanceof KerasObject o)) {
      throw new IllegalArgumentException("an optimizer must be a name or a serialized optimizer, "
          + "found " + value);
    }
    Function<ConfigReader, Optimizer> reader = READERS.get(o.className().toLowerCase(Locale.ROOT));
    if (reader == null) {
      throw new IllegalArgumentException("optimizer " + o.className() + " is not supported by "
          + "tfbridge; supported optimizers: " + String.join(", ", BY_NAME.keySet()));
    }
    ConfigReader c = new ConfigReader(o.options(), "optimizer " + o.className());
    Optimizer optimizer = reader.apply(c);
    c.finish();
    return optimizer;
  }
}
