package io.tfbridge.engine;

import io.tfbridge.metrics.Metric;
import java.util.function.ToDoubleFunction;

/**
 * A figure a batch reports besides the total loss, as Keras names it in its logs: an output's loss
 * ({@code out_a_loss}) or a metric ({@code accuracy}, {@code out_a_auc}), with how its value follows
 * from its states summed over the batches of an epoch.
 *
 * @param name the log key
 * @param result the value from the summed states
 */
public record Figure(String name, ToDoubleFunction<double[][]> result) {

  /** A mean: states {@code [sum], [count]}. */
  static Figure mean(String name) {
    return new Figure(name, s -> s[1][0] == 0 ? 0 : s[0][0] / s[1][0]);
  }

  /** A metric's figure. */
  static Figure of(String name, Metric metric) {
    return new Figure(name, metric::result);
  }
}
