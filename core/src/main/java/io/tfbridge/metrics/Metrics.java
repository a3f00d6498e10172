package io.tfbridge.metrics;

import io.tfbridge.losses.Loss;
import io.tfbridge.losses.SparseCategoricalCrossentropy;
import org.tensorflow.ndarray.Shape;

/**
 * Resolves metric names the way Keras's {@code compile} does.
 *
 * <pre>{@code
 * Metric accuracy = Metrics.get("accuracy", Losses.get("binary_crossentropy"), Shape.of(-1, 1));
 * }</pre>
 */
public final class Metrics {
  private Metrics() {}

  /**
   * The metric of this name for a model with this loss and output shape. {@code "accuracy"} (or
   * {@code "acc"}) becomes binary accuracy for a one-unit output, sparse categorical accuracy for
   * class-id labels and categorical accuracy otherwise, reported as {@code "accuracy"}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Metric get(String name, Loss loss, Shape outputShape) {
    switch (name) {
      case "accuracy":
      case "acc":
        return Accuracy.of("accuracy", resolveAccuracy(loss, outputShape));
      case "sparse_categorical_accuracy":
        return Accuracy.of(name, Accuracy.Kind.SPARSE_CATEGORICAL);
      case "categorical_accuracy":
        return Accuracy.of(name, Accuracy.Kind.CATEGORICAL);
      case "binary_accuracy":
        return Accuracy.of(name, Accuracy.Kind.BINARY);
      default:
        throw new IllegalArgumentException("Unknown metric: '" + name + "'. Known metrics: accuracy, "
            + "acc, sparse_categorical_accuracy, categorical_accuracy, binary_accuracy");
    }
  }

  private static Accuracy.Kind resolveAccuracy(Loss loss, Shape outputShape) {
    if (loss instanceof SparseCategoricalCrossentropy) {
      return Accuracy.Kind.SPARSE_CATEGORICAL;
    }
    if (outputShape.get(outputShape.numDimensions() - 1) == 1) {
      return Accuracy.Kind.BINARY;
    }
    return Accuracy.Kind.CATEGORICAL;
  }
}
