package io.tfbridge.models;

import io.tfbridge.engine.BatchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running totals over the batches of an epoch, giving Keras's figures: the loss and each metric as a
 * mean over every element seen (one per sample, or per sample and timestep for sequence outputs).
 */
final class Sums {
  private final List<String> metricNames;
  private final double[] metricSums;
  private final double[] metricCounts;
  private double lossSum;
  private double lossCount;

  Sums(List<String> metricNames) {
    this.metricNames = metricNames;
    this.metricSums = new double[metricNames.size()];
    this.metricCounts = new double[metricNames.size()];
  }

  void add(BatchResult batch) {
    lossSum += batch.lossSum();
    lossCount += batch.lossCount();
    for (int i = 0; i < metricSums.length; i++) {
      metricSums[i] += batch.metricSums()[i];
      metricCounts[i] += batch.metricCounts()[i];
    }
  }

  /** {@code loss} and the metrics, names prefixed with {@code prefix} ({@code "val_"} or empty). */
  Map<String, Double> logs(String prefix) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put(prefix + "loss", lossSum / lossCount);
    for (int i = 0; i < metricSums.length; i++) {
      logs.put(prefix + metricNames.get(i), metricSums[i] / metricCounts[i]);
    }
    return logs;
  }
}
