package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code AdamW}: {@link Adam}'s update rule with decoupled weight decay always on (Keras's
 * base optimizer applies it, {@code var -= var * weight_decay * lr}, before the update). Keras's
 * defaults: learning rate 0.001, weight_decay 0.004, beta_1 0.9, beta_2 0.999, epsilon 1e-7, amsgrad
 * off. Keras names it {@code adam_w} (its variables' scope); {@code Optimizers.get("adamw")} finds
 * it.
 *
 * <pre>{@code
 * Optimizer adamw = AdamW.of().learningRate(0.01).weightDecay(0.1).amsgrad(true);
 * }</pre>
 */
public final class AdamW extends BaseOptimizer<AdamW> {
  static final double DEFAULT_WEIGHT_DECAY = 0.004;
  /** Adam's rule and options (beta_1, beta_2, epsilon, amsgrad); its common options are unused. */
  private final Adam rule;

  private AdamW(OptimizerOptions options, Adam rule) {
    super(options);
    if (options.weightDecay() == null) {
      throw new IllegalArgumentException(
          "Argument `weight_decay` must be a float. Received: weight_decay=None");
    }
    this.rule = rule;
  }

  /** AdamW with Keras's defaults. */
  public static AdamW of() {
    return new AdamW(OptimizerOptions.of(0.001).withWeightDecay(DEFAULT_WEIGHT_DECAY), Adam.of());
  }

  @Override
  protected AdamW with(OptimizerOptions options) {
    return new AdamW(options, rule);
  }

  /** A copy with these moment decay rates. */
  public AdamW betas(double beta1, double beta2) {
    return new AdamW(options(), rule.betas(beta1, beta2));
  }

  /** A copy with this epsilon. */
  public AdamW epsilon(double value) {
    return new AdamW(options(), rule.epsilon(value));
  }

  /** A copy using AMSGrad (the running maximum of the second moment). */
  public AdamW amsgrad(boolean on) {
    return new AdamW(options(), rule.amsgrad(on));
  }

  @Override
  public String kerasName() {
    return "adam_w";
  }

  @Override
  public String className() {
    return "AdamW";
  }

  /** beta_1. */
  public double beta1() {
    return rule.beta1();
  }

  /** beta_2. */
  public double beta2() {
    return rule.beta2();
  }

  /** epsilon. */
  public double epsilon() {
    return rule.epsilon();
  }

  /** Whether AMSGrad is on. */
  public boolean amsgrad() {
    return rule.amsgrad();
  }

  @Override
  public List<List<String>> slotGroups() {
    return rule.slotGroups();
  }

  @Override
  protected Config ownConfig() {
    return rule.ownConfig();
  }

  /** Reads AdamW's config: Adam's keys, weight_decay 0.004 when absent (null is refused). */
  static AdamW fromConfig(ConfigReader c) {
    boolean noDecayKey = !c.config().containsKey("weight_decay");
    Adam rule = Adam.fromConfig(c);
    OptimizerOptions options = rule.options();
    return new AdamW(noDecayKey ? options.withWeightDecay(DEFAULT_WEIGHT_DECAY) : options, rule);
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    return rule.update(tf, g, lr, step, slots);
  }
}
