package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;

/**
 * The {@code beta_1}, {@code beta_2} and {@code epsilon} options of the Adam variants (Adamax,
 * Nadam), checked as {@link Adam} checks them, written and read under Keras's keys in Keras's order.
 */
record Moments(double beta1, double beta2, double epsilon) {
  /** Keras's defaults: 0.9, 0.999, 1e-7. */
  static final Moments DEFAULTS = new Moments(0.9, 0.999, 1e-7);

  Moments {
    OptimizerArgs.unitInterval("beta_1", beta1);
    OptimizerArgs.unitInterval("beta_2", beta2);
    OptimizerArgs.positive("epsilon", epsilon);
  }

  Moments withBetas(double b1, double b2) {
    return new Moments(b1, b2, epsilon);
  }

  Moments withEpsilon(double value) {
    return new Moments(beta1, beta2, value);
  }

  /** {@code beta_1, beta_2, epsilon}, as Keras's {@code get_config} adds them. */
  Config config() {
    return Config.builder().put("beta_1", beta1).put("beta_2", beta2).put("epsilon", epsilon)
        .build();
  }

  /** The three options of a Keras config, Keras's defaults where absent. */
  static Moments read(ConfigReader c) {
    return new Moments(c.getDouble("beta_1", DEFAULTS.beta1), c.getDouble("beta_2", DEFAULTS.beta2),
        c.getDouble("epsilon", DEFAULTS.epsilon));
  }
}
