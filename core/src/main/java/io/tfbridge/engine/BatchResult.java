package io.tfbridge.engine;

/**
 * What one batch produced: the loss summed over its elements and how many elements, and each other
 * figure's state tensors ({@link ModelDefinition#figures()}), flattened: {@code figures[f][s]} is
 * figure {@code f}'s state {@code s}.
 */
public record BatchResult(double lossSum, double lossCount, double[][][] figures) {}
