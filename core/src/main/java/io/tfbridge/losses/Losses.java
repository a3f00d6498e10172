package io.tfbridge.losses;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Looks losses up by their Keras names and aliases.
 *
 * <pre>{@code
 * Loss loss = Losses.get("sparse_categorical_crossentropy");
 * }</pre>
 */
public final class Losses {
  private static final Map<String, Supplier<Loss>> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("sparse_categorical_crossentropy", SparseCategoricalCrossentropy::new);
    KNOWN.put("categorical_crossentropy", CategoricalCrossentropy::new);
    KNOWN.put("binary_crossentropy", BinaryCrossentropy::new);
    KNOWN.put("mean_squared_error", MeanSquaredError::new);
    KNOWN.put("mse", MeanSquaredError::new);
  }

  private Losses() {}

  /**
   * The loss of this Keras name.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Loss get(String name) {
    Supplier<Loss> loss = name == null ? null : KNOWN.get(name);
    if (loss == null) {
      throw new IllegalArgumentException(
          "Unknown loss: '" + name + "'. Known losses: " + String.join(", ", KNOWN.keySet()));
    }
    return loss.get();
  }
}
