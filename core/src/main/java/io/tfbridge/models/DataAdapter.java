package io.tfbridge.models;

import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.layers.Shapes;
import io.tfbridge.losses.CategoricalCrossentropy;
import io.tfbridge.losses.SparseCategoricalCrossentropy;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

/**
 * Checks host data against a compiled model before any of it reaches the graph, with Keras's messages:
 * input shapes (naming the first layer), sample counts, label shapes and label values.
 */
final class DataAdapter {
  private final ModelDefinition definition;

  DataAdapter(ModelDefinition definition) {
    this.definition = definition;
  }

  /** Inputs and labels for fit or evaluate. */
  ArrayData adapt(FloatNdArray x, FloatNdArray y) {
    long xs = x.shape().numDimensions() == 0 ? -1 : x.shape().get(0);
    long ys = y.shape().numDimensions() == 0 ? -1 : y.shape().get(0);
    if (xs != ys) {
      throw new IllegalArgumentException("Data cardinality is ambiguous. Make sure all arrays contain "
          + "the same number of samples. 'x' sizes: " + xs + ", 'y' sizes: " + ys);
    }
    FloatNdArray labels = ArrayData.adapt(y, definition.labelShape(), this::labelShapeError);
    definition.loss().validateLabels(labels, definition.outputShape());
    return new ArrayData(input(x), labels);
  }

  /** Inputs alone, for predict. */
  FloatNdArray input(FloatNdArray x) {
    if (x.shape().numDimensions() > 0 && x.shape().get(0) == 0) {
      throw new IllegalArgumentException("Input 0 of model \"" + definition.name()
          + "\" has no samples: expected at least one row of shape "
          + Shapes.format(definition.inputShape()));
    }
    return ArrayData.adapt(x, definition.inputShape(), "Input 0 of layer \""
        + definition.firstLayerName() + "\" (the first layer of model \"" + definition.name() + "\")");
  }

  /** The error for labels of the wrong shape; a hint when they suit the other cross-entropy. */
  private IllegalArgumentException labelShapeError(Shape found) {
    int rank = definition.labelShape().numDimensions();
    String hint = "";
    if (definition.loss() instanceof CategoricalCrossentropy && found.numDimensions() == rank - 1) {
      hint = " categorical_crossentropy expects one-hot labels, one column per class; for integer "
          + "class ids use sparse_categorical_crossentropy.";
    } else if (definition.loss() instanceof SparseCategoricalCrossentropy
        && found.numDimensions() == rank + 1) {
      hint = " sparse_categorical_crossentropy expects integer class ids, one per sample; for "
          + "one-hot labels use categorical_crossentropy.";
    }
    return new IllegalArgumentException("Labels (y) for loss " + definition.loss().kerasName()
        + " are incompatible with the model's output: expected shape="
        + Shapes.format(definition.labelShape()) + ", found shape=" + Shapes.format(found)
        + ". The model's output shape is " + Shapes.format(definition.outputShape()) + "." + hint);
  }

  static int checkBatchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "`batch_size` must be a positive integer. Received: batch_size=" + batchSize);
    }
    return batchSize;
  }
}
