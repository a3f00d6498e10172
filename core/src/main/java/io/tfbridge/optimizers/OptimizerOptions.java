package io.tfbridge.optimizers;

import io.tfbridge.optimizers.schedules.LearningRateSchedule;
import io.tfbridge.optimizers.schedules.Schedules;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;

/**
 * The options every Keras 3 optimizer has ({@code keras.optimizers.Optimizer}'s arguments), with
 * Keras's names, defaults and checks: the learning rate (a number or a {@link LearningRateSchedule}),
 * {@code weight_decay}, one of {@code clipnorm} / {@code clipvalue} / {@code global_clipnorm}, and
 * how a step is applied ({@link StepOptions}: EMA, gradient accumulation,
 * {@code loss_scale_factor}).
 *
 * @param learningRate the constant learning rate (the schedule's initial rate when scheduled)
 * @param schedule the learning-rate schedule, or null for a constant rate
 * @param steps EMA, gradient accumulation and loss scaling
 */
public record OptimizerOptions(double learningRate, LearningRateSchedule schedule,
    Double weightDecay, Double clipnorm, Double clipvalue, Double globalClipnorm,
    StepOptions steps) {

  /** Checks the options as Keras's constructor does. */
  public OptimizerOptions {
    steps = steps == null ? StepOptions.DEFAULTS : steps;
    if (schedule == null) {
      OptimizerArgs.positive("learning_rate", learningRate);
    }
    int clips = (clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0)
        + (globalClipnorm != null ? 1 : 0);
    if (clips > 1) {
      throw new IllegalArgumentException("Only one of `clipnorm`, `clipvalue` and "
          + "`global_clipnorm` can be set. Received: clipnorm=" + show(clipnorm) + ", clipvalue="
          + show(clipvalue) + ", global_clipnorm=" + show(globalClipnorm));
    }
  }

  /** A constant learning rate, nothing else. */
  public static OptimizerOptions of(double learningRate) {
    return new OptimizerOptions(learningRate, null, null, null, null, null, StepOptions.DEFAULTS);
  }

  OptimizerOptions withLearningRate(double value) {
    return new OptimizerOptions(value, null, weightDecay, clipnorm, clipvalue, globalClipnorm,
        steps);
  }

  OptimizerOptions withSchedule(LearningRateSchedule value) {
    return new OptimizerOptions(value.initialLearningRate(), value, weightDecay, clipnorm,
        clipvalue, globalClipnorm, steps);
  }

  OptimizerOptions withWeightDecay(Double value) {
    return new OptimizerOptions(learningRate, schedule, value, clipnorm, clipvalue,
        globalClipnorm, steps);
  }

  OptimizerOptions withClipping(Double norm, Double value, Double globalNorm) {
    return new OptimizerOptions(learningRate, schedule, weightDecay, norm, value, globalNorm,
        steps);
  }

  OptimizerOptions withSteps(StepOptions value) {
    return new OptimizerOptions(learningRate, schedule, weightDecay, clipnorm, clipvalue,
        globalClipnorm, value);
  }

  /** Keras's {@code get_config} of the base optimizer, {@code name} first. */
  Config toConfig(String name) {
    Object lr = schedule == null ? (Object) (double) (float) learningRate
        : Schedules.serialize(schedule);
    return Config.builder().put("name", name).put("learning_rate", lr)
        .put("weight_decay", weightDecay).put("clipnorm", clipnorm)
        .put("global_clipnorm", globalClipnorm).put("clipvalue", clipvalue)
        .putAll(steps.toConfig()).build();
  }

  /** Reads the base options of a Keras optimizer config ({@code fallback}: its default rate). */
  static OptimizerOptions read(ConfigReader c, double fallback) {
    c.ignore("name");
    StepOptions steps = StepOptions.read(c);
    c.requireDefault("decay", null); // Keras 3 ignores it with a warning; Keras 2 files decayed
    Object lr = c.get("learning_rate");
    OptimizerOptions o = of(fallback);
    if (lr instanceof KerasObject schedule) {
      o = o.withSchedule(Schedules.deserialize(schedule));
    } else if (lr != null) {
      o = o.withLearningRate(c.getDouble("learning_rate"));
    }
    return new OptimizerOptions(o.learningRate, o.schedule, optional(c, "weight_decay"),
        optional(c, "clipnorm"), optional(c, "clipvalue"), optional(c, "global_clipnorm"), steps);
  }

  private static Double optional(ConfigReader c, String key) {
    return c.has(key) ? (Double) c.getDouble(key) : null;
  }

  private static String show(Double v) {
    return v == null ? "None" : v.toString();
  }
}
