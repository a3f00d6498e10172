package io.tfbridge.plot;

import io.tfbridge.callbacks.History;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One panel of a {@link HistoryPlot}: a figure of the History ({@code loss}, a metric, the
 * learning rate) with its training series and, when validating, its {@code val_} series.
 *
 * @param name the figure's name, the panel's title and y-axis label
 * @param series what the panel draws, training first
 */
record Panel(String name, List<Series> series) {
  /** Matplotlib's first colour (blue): training figures. */
  static final Color TRAINING = new Color(0x1f77b4);
  /** Matplotlib's second colour (orange): validation figures. */
  static final Color VALIDATION = new Color(0xff7f0e);
  /** Matplotlib's third colour (green): the learning rate. */
  static final Color LEARNING_RATE = new Color(0x2ca02c);

  private static final String VAL = "val_";
  private static final Set<String> RATES = Set.of("learning_rate", "lr");

  /**
   * One curve: a History figure's values at their epochs, counting from 1.
   *
   * @param key the History's name of the figure ({@code val_loss})
   * @param label the legend's text
   * @param color the curve's colour
   * @param epochs the epoch of each value, counting from 1
   * @param values the values, non-finite ones included (drawn as gaps)
   */
  record Series(String key, String label, Color color, List<Integer> epochs, List<Double> values) {}

  Panel {
    series = List.copyOf(series);
  }

  /** The panels of a History: each training figure with its val_ figure, in the History's order. */
  static List<Panel> of(History history) {
    Set<String> names = history.history().keySet();
    List<Panel> panels = new ArrayList<>();
    for (String name : names) {
      boolean validation = name.startsWith(VAL);
      if (validation && names.contains(name.substring(VAL.length()))) {
        continue; // drawn beside its training figure
      }
      List<Series> series = new ArrayList<>();
      if (validation) {
        series.add(series(history, name, "validation", VALIDATION));
      } else {
        Color color = RATES.contains(name) ? LEARNING_RATE : TRAINING;
        series.add(series(history, name, RATES.contains(name) ? name : "training", color));
        if (names.contains(VAL + name)) {
          series.add(series(history, VAL + name, "validation", VALIDATION));
        }
      }
      panels.add(new Panel(name, series));
    }
    return List.copyOf(panels);
  }

  private static Series series(History history, String key, String label, Color color) {
    List<Integer> epochs = history.epochsOf(key).stream().map(e -> e + 1).toList();
    return new Series(key, label, color, epochs, List.copyOf(history.get(key)));
  }
}
