package io.tfbridge.engine;

/**
 * The sums one batch produced: the loss summed over its elements and how many elements, and each
 * metric's sum and element count, in the model's metric order.
 */
public record BatchResult(
    double lossSum, double lossCount, double[] metricSums, double[] metricCounts) {}
