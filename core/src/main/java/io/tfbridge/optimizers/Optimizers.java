package io.tfbridge.optimizers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Looks optimizers up by their Keras names, with Keras's defaults.
 *
 * <pre>{@code
 * Optimizer adam = Optimizers.get("adam");
 * }</pre>
 */
public final class Optimizers {
  private static final Map<String, Supplier<Optimizer>> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("adam", Adam::of);
    KNOWN.put("sgd", SGD::of);
  }

  private Optimizers() {}

  /**
   * The optimizer of this Keras name (case-insensitive), with Keras's default arguments.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Optimizer get(String name) {
    Supplier<Optimizer> optimizer = name == null ? null : KNOWN.get(name.toLowerCase(Locale.ROOT));
    if (optimizer == null) {
      throw new IllegalArgumentException(
          "Unknown optimizer: '" + name + "'. Known optimizers: " + String.join(", ", KNOWN.keySet()));
    }
    return optimizer.get();
  }
}
