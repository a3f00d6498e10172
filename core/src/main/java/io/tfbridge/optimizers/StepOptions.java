package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * The Keras 3 optimizer options that change how a step is applied rather than the update rule,
 * with Keras's names, defaults and checks: an exponential moving average of the weights
 * ({@code use_ema}, {@code ema_momentum}, {@code ema_overwrite_frequency}),
 * {@code loss_scale_factor} (the training step multiplies the loss by it, the optimizer divides the
 * gradients by it) and {@code gradient_accumulation_steps} (the averaged gradients are applied
 * every that many steps). Set them with the optimizers' fluent copies:
 *
 * <pre>{@code
 * Optimizer adam = Adam.of().learningRate(0.05).gradientAccumulationSteps(2).useEma(true)
 *     .emaMomentum(0.5).emaOverwriteFrequency(2).lossScaleFactor(128.0);
 * }</pre>
 *
 * @param useEma whether the optimizer keeps a moving average of every trainable weight
 * @param emaMomentum {@code new_average = ema_momentum * average + (1 - ema_momentum) * weight}
 * @param emaOverwriteFrequency the weights take their averages every this many (applied) steps;
 *     null: only at the end of {@code fit}
 * @param lossScaleFactor the loss scale, or null for none
 * @param gradientAccumulationSteps apply the accumulated gradients every this many steps (null or
 *     0: every step)
 */
public record StepOptions(boolean useEma, double emaMomentum, Integer emaOverwriteFrequency,
    Double lossScaleFactor, Integer gradientAccumulationSteps) {

  /** Keras's defaults: no EMA (momentum 0.99), no loss scale, no accumulation. */
  public static final StepOptions DEFAULTS = new StepOptions(false, 0.99, null, null, null);

  /** Checks the options as Keras's optimizer constructor does. */
  public StepOptions {
    if (gradientAccumulationSteps != null && gradientAccumulationSteps != 0
        && gradientAccumulationSteps < 2) {
      throw new IllegalArgumentException("`gradient_accumulation_steps` must be an integer >= 2. "
          + "Received: gradient_accumulation_steps=" + gradientAccumulationSteps);
    }
    if (useEma && !(emaMomentum >= 0 && emaMomentum <= 1)) {
      throw new IllegalArgumentException("`ema_momentum` must be in the range [0, 1]. "
          + "Received: ema_momentum=" + emaMomentum);
    }
    if (useEma && emaOverwriteFrequency != null && emaOverwriteFrequency != 0
        && emaOverwriteFrequency < 1) {
      throw new IllegalArgumentException("`ema_overwrite_frequency` must be an integer >= 1 or "
          + "None. Received: ema_overwrite_frequency=" + emaOverwriteFrequency);
    }
  }

  /** Whether the gradients are accumulated ({@code gradient_accumulation_steps} set and not 0). */
  public boolean accumulates() {
    return gradientAccumulationSteps != null && gradientAccumulationSteps != 0;
  }

  /** Whether the weights take their averages during training (a frequency set and not 0). */
  public boolean overwrites() {
    return useEma && emaOverwriteFrequency != null && emaOverwriteFrequency != 0;
  }

  StepOptions withEma(boolean on, double momentum, Integer overwriteFrequency) {
    return new StepOptions(on, momentum, overwriteFrequency, lossScaleFactor,
        gradientAccumulationSteps);
  }

  StepOptions withLossScaleFactor(Double value) {
    return new StepOptions(useEma, emaMomentum, emaOverwriteFrequency, value,
        gradientAccumulationSteps);
  }

  StepOptions withGradientAccumulationSteps(Integer value) {
    return new StepOptions(useEma, emaMomentum, emaOverwriteFrequency, lossScaleFactor, value);
  }

  /** The keys of Keras's base {@code get_config} after {@code clipvalue}, in its order. */
  Config toConfig() {
    return Config.builder().put("use_ema", useEma).put("ema_momentum", emaMomentum)
        .put("ema_overwrite_frequency", emaOverwriteFrequency)
        .put("loss_scale_factor", lossScaleFactor)
        .put("gradient_accumulation_steps", gradientAccumulationSteps).build();
  }

  /** Reads these options of a Keras optimizer config (absent or null: Keras's defaults). */
  static StepOptions read(ConfigReader c) {
    return new StepOptions(c.getBool("use_ema", false), c.getDouble("ema_momentum", 0.99),
        optionalInt(c, "ema_overwrite_frequency"),
        c.has("loss_scale_factor") ? (Double) c.getDouble("loss_scale_factor") : null,
        optionalInt(c, "gradient_accumulation_steps"));
  }

  private static Integer optionalInt(ConfigReader c, String key) {
    return c.has(key) ? (Integer) c.getInt(key) : null;
  }
}
