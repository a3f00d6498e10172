package io.tfbridge.optimizers;

/** Argument checks shared by the optimizers, with Keras's argument names in the messages. */
final class OptimizerArgs {
  private OptimizerArgs() {}

  static double positive(String argument, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Argument `" + argument + "` must be a positive float. Received: " + argument + "=" + value);
    }
    return value;
  }

  static double unitInterval(String argument, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(
          "Argument `" + argument + "` must be in [0, 1). Received: " + argument + "=" + value);
    }
    return value;
  }

  static double closedUnitInterval(String argument, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "Argument `" + argument + "` must be in [0, 1]. Received: " + argument + "=" + value);
    }
    return value;
  }

  static double nonNegative(String argument, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Argument `" + argument + "` must be non-negative. "
          + "Received: " + argument + "=" + value);
    }
    return value;
  }
}
