package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;

/**
 * An Adam variant with Keras's {@code beta_1}, {@code beta_2} and {@code epsilon} ({@link Adamax},
 * {@link Nadam}): the fluent copies, accessors and config of those options in one place.
 *
 * @param <O> the optimizer's own type, returned by the fluent copies
 */
public abstract class MomentsOptimizer<O extends MomentsOptimizer<O>> extends BaseOptimizer<O> {
  private final Moments moments;

  MomentsOptimizer(OptimizerOptions options, Moments moments) {
    super(options);
    this.moments = moments;
  }

  /** A copy with these common options and moment options. */
  abstract O with(OptimizerOptions options, Moments moments);

  @Override
  protected final O with(OptimizerOptions options) {
    return with(options, moments);
  }

  /** A copy with these decay rates (of the first and the second moment or norm). */
  public O betas(double beta1, double beta2) {
    return with(options(), moments.withBetas(beta1, beta2));
  }

  /** A copy with this epsilon. */
  public O epsilon(double value) {
    return with(options(), moments.withEpsilon(value));
  }

  /** beta_1. */
  public double beta1() {
    return moments.beta1();
  }

  /** beta_2. */
  public double beta2() {
    return moments.beta2();
  }

  /** epsilon. */
  public double epsilon() {
    return moments.epsilon();
  }

  @Override
  protected Config ownConfig() {
    return moments.config();
  }
}
