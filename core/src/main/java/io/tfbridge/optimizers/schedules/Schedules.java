package io.tfbridge.optimizers.schedules;

import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Learning-rate schedules to and from Keras's serialized form
 * ({@code {"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay", ...}}).
 *
 * <pre>{@code
 * KerasObject saved = Schedules.serialize(ExponentialDecay.of(0.1, 100, 0.96));
 * LearningRateSchedule back = Schedules.deserialize(saved);
 * }</pre>
 */
public final class Schedules {
  private static final Map<String, Function<ConfigReader, LearningRateSchedule>> READERS =
      new LinkedHashMap<>();

  static {
    READERS.put("ExponentialDecay", ExponentialDecay::fromConfig);
    READERS.put("PiecewiseConstantDecay", PiecewiseConstantDecay::fromConfig);
    READERS.put("PolynomialDecay", PolynomialDecay::fromConfig);
    READERS.put("InverseTimeDecay", InverseTimeDecay::fromConfig);
    READERS.put("CosineDecay", CosineDecay::fromConfig);
    READERS.put("CosineDecayRestarts", CosineDecayRestarts::fromConfig);
  }

  private Schedules() {
  }

  /** Keras's serialized form of {@code schedule}. */
  public static KerasObject serialize(LearningRateSchedule schedule) {
    return KerasObject.of("keras.optimizers.schedules", schedule.className(),
        schedule.getConfig());
  }

  /**
   * The schedule a serialized Keras object describes.
   *
   * @throws IllegalArgumentException for an unknown class or option, naming the supported ones
   */
  public static LearningRateSchedule deserialize(KerasObject o) {
    Function<ConfigReader, LearningRateSchedule> reader = READERS.get(o.className());
    if (reader == null) {
      throw new IllegalArgumentException("learning rate schedule " + o.className() + " is not "
          + "supported by tfbridge; supported schedules: " + String.join(", ", READERS.keySet()));
    }
    ConfigReader c = new ConfigReader(o.options(), "learning rate schedule " + o.className());
    LearningRateSchedule schedule = reader.apply(c);
    c.finish();
    return schedule;
  }
}
