package io.tfbridge.losses;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Looks losses up by their Keras names, aliases and class names, and turns them to and from Keras's
 * serialized form ({@code {"module": "keras.losses", "class_name": "Huber", "config": {...}}}).
 *
 * <pre>{@code
 * Loss loss = Losses.get("sparse_categorical_crossentropy");
 * Loss huber = Losses.deserialize(Losses.serialize(Huber.of().delta(2.0)));
 * }</pre>
 */
public final class Losses {
  private static final Map<String, Supplier<Loss>> KNOWN = new LinkedHashMap<>();
  private static final Map<String, Function<ConfigReader, Loss>> CLASSES = new LinkedHashMap<>();

  static {
    KNOWN.put("sparse_categorical_crossentropy", SparseCategoricalCrossentropy::new);
    KNOWN.put("categorical_crossentropy", CategoricalCrossentropy::new);
    KNOWN.put("binary_crossentropy", BinaryCrossentropy::new);
    KNOWN.put("mean_squared_error", MeanSquaredError::of);
    KNOWN.put("mse", MeanSquaredError::of);
    KNOWN.put("mean_absolute_error", MeanAbsoluteError::of);
    KNOWN.put("mae", MeanAbsoluteError::of);
    KNOWN.put("mean_absolute_percentage_error", MeanAbsolutePercentageError::of);
    KNOWN.put("mape", MeanAbsolutePercentageError::of);
    KNOWN.put("mean_squared_logarithmic_error", MeanSquaredLogarithmicError::of);
    KNOWN.put("msle", MeanSquaredLogarithmicError::of);
    KNOWN.put("kl_divergence", KLDivergence::of);
    KNOWN.put("kld", KLDivergence::of);
    KNOWN.put("poisson", Poisson::of);
    KNOWN.put("huber", Huber::of);
    KNOWN.put("log_cosh", LogCosh::of);
    KNOWN.put("hinge", Hinge::of);
    KNOWN.put("squared_hinge", SquaredHinge::of);
    KNOWN.put("categorical_hinge", CategoricalHinge::of);
    KNOWN.put("cosine_similarity", CosineSimilarity::of);
    for (String upper : new String[] {"MSE", "MAE", "MAPE", "MSLE", "KLD"}) {
      KNOWN.put(upper, KNOWN.get(upper.toLowerCase(java.util.Locale.ROOT)));
    }
    for (Supplier<Loss> crossentropy : java.util.List.<Supplier<Loss>>of(
        SparseCategoricalCrossentropy::new, CategoricalCrossentropy::new, BinaryCrossentropy::new)) {
      CLASSES.put(crossentropy.get().className(), c -> {
        c.requireDefault("from_logits", false); // tfbridge takes logits from the output's activation
        c.requireDefault("label_smoothing", 0.0);
        c.requireDefault("axis", -1);
        return crossentropy.get();
      });
    }
    CLASSES.put("Huber", c -> Huber.of().delta(c.getDouble("delta", 1.0)));
    CLASSES.put("CosineSimilarity", c -> CosineSimilarity.of().axis(c.getInt("axis", -1)));
    for (Supplier<Loss> loss : KNOWN.values()) {
      Loss l = loss.get();
      CLASSES.putIfAbsent(l.className(), c -> loss.get());
    }
  }

  private Losses() {}

  /**
   * The loss of this Keras name, alias ({@code "mae"}) or class name ({@code "MeanAbsoluteError"}),
   * with Keras's defaults.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Loss get(String name) {
    Supplier<Loss> loss = name == null ? null : KNOWN.get(name);
    if (loss != null) {
      return loss.get();
    }
    if (name != null && CLASSES.containsKey(name)) {
      return deserialize(KerasObject.of("keras.losses", name, Config.empty()));
    }
    throw new IllegalArgumentException("Unknown loss: '" + name + "'. Known losses: "
        + String.join(", ", KNOWN.keySet()) + " (or a class name: "
        + String.join(", ", CLASSES.keySet()) + ")");
  }

  /**
   * The loss a Keras config value names: a name, or a serialized loss whose config gives
   * {@code name} (any), {@code reduction} ({@code sum_over_batch_size}, the only one tfbridge
   * reduces with; {@code "auto"} from older files means the same), {@code dtype} (ignored: tfbridge
   * computes losses in float32) and the loss's own options.
   *
   * @throws IllegalArgumentException for an unknown loss or an option tfbridge does not implement
   */
  public static Loss deserialize(Object value) {
    if (value instanceof String name) {
      return get(name);
    }
    if (!(value instanceof KerasObject o)) {
      throw new IllegalArgumentException("a loss must be a name or a serialized loss, found " + value);
    }
    if (o.className().equals("function") && o.config() instanceof String name) {
      return get(name);
    }
    Function<ConfigReader, Loss> reader = CLASSES.get(o.className());
    if (reader == null) {
      throw new IllegalArgumentException("loss " + o.className() + " is not supported by tfbridge; "
          + "supported losses: " + String.join(", ", CLASSES.keySet()));
    }
    ConfigReader c = new ConfigReader(o.options(), "loss " + o.className()).ignore("name", "fn", "dtype");
    String reduction = c.getString("reduction", "sum_over_batch_size");
    if (!reduction.equals("sum_over_batch_size") && !reduction.equals("auto")) {
      throw c.unsupported("reduction=" + reduction + " (tfbridge reduces with sum_over_batch_size)");
    }
    Loss loss = reader.apply(c);
    c.finish();
    return loss;
  }

  /**
   * Keras's serialized form of {@code loss}: its name when it has Keras's defaults (as
   * {@code compile(loss="huber")} records it) or is not one of Keras's, else a {@link KerasObject} of
   * its class and config.
   */
  public static Object serialize(Loss loss) {
    Supplier<Loss> known = KNOWN.get(loss.kerasName());
    if (known == null || loss.getConfig().equals(known.get().getConfig())) {
      return loss.kerasName();
    }
    return KerasObject.of("keras.losses", loss.className(), loss.getConfig());
  }
}
