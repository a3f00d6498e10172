package io.tfbridge.models;

import io.tfbridge.engine.ModelInput;
import java.util.ArrayList;
import java.util.List;
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

  /** Inputs (one array per model input) and labels for fit or evaluate. */
  ArrayData adapt(List<FloatNdArray> xs, FloatNdArray y) {
    List<FloatNdArray> inputs = inputs(xs);
    long xSize = inputs.get(0).shape().get(0);
    long ySize = y.shape().numDimensions() == 0 ? -1 : y.shape().get(0);
    if (xSize != ySize) {
      throw new IllegalArgumentException("Data cardinality is ambiguous. Make sure all arrays contain "
          + "the same number of samples. 'x' sizes: " + xSize + ", 'y' sizes: " + ySize);
    }
    FloatNdArray labels = ArrayData.adapt(y, definition.labelShape(), this::labelShapeError);
    definition.loss().validateLabels(labels, definition.outputShape());
    return new ArrayData(inputs, labels);
  }

  /** Inputs alone, one array per model input, each checked against its input's shape. */
  List<FloatNdArray> inputs(List<FloatNdArray> xs) {
    List<ModelInput> expected = definition.inputs();
    if (xs.size() != expected.size()) {
      throw new IllegalArgumentException("Model \"" + definition.name() + "\" expects "
          + expected.size() + " input(s) " + expected.stream().map(ModelInput::name).toList()
          + ", but it received " + xs.size() + " input array(s)");
    }
    List<FloatNdArray> adapted = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      adapted.add(input(i, xs.get(i)));
    }
    long first = adapted.get(0).shape().get(0);
    for (int i = 1; i < adapted.size(); i++) {
      if (adapted.get(i).shape().get(0) != first) {
        throw new IllegalArgumentException("Data cardinality is ambiguous. Make sure all arrays "
            + "contain the same number of samples. 'x' sizes: " + adapted.stream()
            .map(a -> String.valueOf(a.shape().get(0))).toList());
      }
    }
    return adapted;
  }

  private FloatNdArray input(int index, FloatNdArray x) {
    ModelInput in = definition.inputs().get(index);
    if (x.shape().numDimensions() > 0 && x.shape().get(0) == 0) {
      throw new IllegalArgumentException("Input " + index + " of model \"" + definition.name()
          + "\" has no samples: expected at least one row of shape " + Shapes.format(in.shape()));
    }
    String where = definition.inputs().size() == 1
        ? "Input 0 of layer \"" + definition.firstLayerName(0) + "\" (the first layer of model \""
            + definition.name() + "\")"
        : "Input " + index + " ('" + in.name() + "') of model \"" + definition.name() + "\"";
    if (x.shape().numDimensions() == 0) {
      throw new IllegalArgumentException(where + " is incompatible with the layer: expected shape="
          + Shapes.format(in.shape()) + ", found a scalar");
    }
    return ArrayData.adapt(x, in.shape(), where);
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
