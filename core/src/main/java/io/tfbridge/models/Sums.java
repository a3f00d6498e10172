package io.tfbridge.models;

import io.tfbridge.engine.BatchResult;
import io.tfbridge.engine.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running totals over the batches of an epoch, giving Keras's figures: the loss as a mean over every
 * element seen (one per sample, or per sample and timestep for sequence outputs), and each other
 * figure from its state tensors summed element-wise over the batches (a mean metric's sum and count,
 * a confusion metric's counts). A new {@code Sums} per epoch and per evaluation is Keras's
 * {@code reset_state}.
 */
final class Sums {
  private final List<Figure> figures;
  private final double[][][] totals;
  private double lossSum;
  private double lossCount;

  Sums(List<Figure> figures) {
    this.figures = figures;
    this.totals = new double[figures.size()][][];
  }

  void add(BatchResult batch) {
    lossSum += batch.lossSum();
    lossCount += batch.lossCount();
    for (int f = 0; f < totals.length; f++) {
      double[][] states = batch.figures()[f];
      if (totals[f] == null) {
        totals[f] = new double[states.length][];
        for (int s = 0; s < states.length; s++) {
          totals[f][s] = new double[states[s].length];
        }
      }
      for (int s = 0; s < states.length; s++) {
        for (int i = 0; i < states[s].length; i++) {
          totals[f][s][i] += states[s][i];
        }
      }
    }
  }

  /** {@code loss} and the other figures, names prefixed with {@code prefix} ({@code "val_"} or empty). */
  Map<String, Double> logs(String prefix) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put(prefix + "loss", lossSum / lossCount);
    for (int f = 0; f < totals.length; f++) {
      logs.put(prefix + figures.get(f).name(), figures.get(f).result().applyAsDouble(totals[f]));
    }
    return logs;
  }
}
