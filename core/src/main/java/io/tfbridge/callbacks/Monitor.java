package io.tfbridge.callbacks;

import io.tfbridge.engine.ModelOutput;
import io.tfbridge.metrics.Metric;
import io.tfbridge.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The quantity a callback watches and what counts as an improvement of it (Keras's
 * {@code MonitorCallback}, shared by EarlyStopping, ReduceLROnPlateau and ModelCheckpoint): a figure
 * of the logs ({@code val_loss}), a mode ({@code min}, {@code max}, or {@code auto}: losses go down,
 * metrics the way they improve) and a minimum change. Unlike Keras, which warns at each epoch, a
 * figure the model never reports is refused when training starts, naming the figures it has.
 *
 * <pre>{@code
 * Monitor monitor = Monitor.of("EarlyStopping", "val_accuracy", "auto", 0.001);
 * }</pre>
 */
public final class Monitor {
  private final String owner;
  private final String monitor;
  private final String mode;
  private final double minDelta;
  private Boolean minimize;

  private Monitor(String owner, String monitor, String mode, double minDelta) {
    this.owner = owner;
    this.monitor = monitor;
    this.mode = mode;
    this.minDelta = Math.abs(minDelta);
  }

  /**
   * A monitor of {@code monitor} for the callback named {@code owner} (used in messages).
   *
   * @throws IllegalArgumentException for a mode other than auto, min or max, or a non-finite delta
   */
  public static Monitor of(String owner, String monitor, String mode, double minDelta) {
    if (!List.of("auto", "min", "max").contains(mode)) {
      throw new IllegalArgumentException(owner + ": `mode` must be one of \"auto\", \"min\", \"max\". "
          + "Received: mode=" + mode);
    }
    if (!Double.isFinite(minDelta)) {
      throw new IllegalArgumentException(owner + ": `min_delta` must be finite. Received: min_delta="
          + minDelta);
    }
    return new Monitor(owner, monitor, mode, minDelta);
  }

  /** The monitored figure's name. */
  public String monitor() {
    return monitor;
  }

  /** The mode: auto, min or max. */
  public String mode() {
    return mode;
  }

  /** The minimum change that counts as an improvement (its absolute value). */
  public double minDelta() {
    return minDelta;
  }

  /**
   * Checks the figure against what {@code model} reports and settles the direction.
   *
   * @throws IllegalArgumentException if the model reports no such figure, listing those it does, or
   *     if the direction of an {@code auto} figure cannot be told
   */
  public void setModel(Model model) {
    List<String> figures = figures(model);
    if (!figures.contains(monitor)) {
      throw new IllegalArgumentException(owner + ": unknown `monitor`=" + monitor + ". The model "
          + "reports: " + String.join(", ", figures));
    }
    minimize = switch (mode) {
      case "min" -> true;
      case "max" -> false;
      default -> autoMinimizes(model);
    };
  }

  /** Whether lower values are better; {@link #setModel} must have run. */
  public boolean minimizes() {
    if (minimize == null) {
      throw new IllegalStateException(owner + ": the monitor is not bound to a model yet");
    }
    return minimize;
  }

  /** The monitored value in {@code logs}, empty when absent (an epoch without validation). */
  public OptionalDouble value(Map<String, Double> logs) {
    Double value = logs.get(monitor);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * Whether {@code value} improves on {@code reference} by more than the minimum change (Keras's
   * {@code _is_improvement}); anything improves on a null reference.
   */
  public boolean isImprovement(double value, Double reference) {
    if (reference == null) {
      return true;
    }
    return minimizes() ? value + minDelta < reference : value - minDelta > reference;
  }

  private boolean autoMinimizes(Model model) {
    String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
    if (name.equals("loss") || name.endsWith("_loss")) {
      return true;
    }
    for (ModelOutput output : model.definition().outputs()) {
      for (Metric metric : output.metrics()) {
        boolean named = name.equals(metric.name()) || name.equals(output.name() + "_" + metric.name());
        if (named && metric.direction().isPresent()) {
          return metric.direction().get() == Metric.Direction.DOWN;
        }
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "%s callback received monitor=%s, "
        + "but tfbridge isn't able to automatically determine whether that metric should be "
        + "maximized or minimized. Pass `mode='max'` in order to monitor based on the highest metric "
        + "value, or pass `mode='min'` in order to use the lowest value.", owner, monitor));
  }

  /** Every figure the model's logs can hold: loss, the metrics, their val_ forms, learning_rate. */
  private static List<String> figures(Model model) {
    List<String> names = new ArrayList<>();
    names.add("loss");
    names.addAll(model.definition().figureNames());
    List<String> all = new ArrayList<>(names);
    names.forEach(n -> all.add("val_" + n));
    all.add("learning_rate");
    return all;
  }
}
