package io.tfbridge.models;

import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelInput;
import io.tfbridge.engine.ModelOutput;
import io.tfbridge.inference.DType;
import io.tfbridge.layers.Shapes;
import io.tfbridge.losses.CategoricalCrossentropy;
import io.tfbridge.losses.SparseCategoricalCrossentropy;
import java.util.ArrayList;
import java.util.List;
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

  /** Inputs (one array per model input) and labels (one array per output) for fit or evaluate. */
  ArrayData adapt(List<FloatNdArray> xs, List<FloatNdArray> ys) {
    return adapt(xs, ys, false);
  }

  /**
   * {@link #adapt(List, List)} for a task's share of a batch, which may have no rows (a task of a
   * collective group may get none of a small batch, and still runs the step).
   */
  ArrayData adaptShare(List<FloatNdArray> xs, List<FloatNdArray> ys) {
    return adapt(xs, ys, true);
  }

  private ArrayData adapt(List<FloatNdArray> xs, List<FloatNdArray> ys, boolean empty) {
    List<FloatNdArray> inputs = inputs(xs, empty);
    if (ys.size() != definition.outputs().size()) {
      throw new IllegalArgumentException("Model \"" + definition.name() + "\" has "
          + definition.outputs().size() + " output(s) " + definition.outputs().stream()
          .map(ModelOutput::name).toList() + ", but it received " + ys.size() + " label array(s)");
    }
    long xSize = inputs.get(0).shape().get(0);
    List<FloatNdArray> labels = new ArrayList<>();
    for (int i = 0; i < ys.size(); i++) {
      FloatNdArray y = ys.get(i);
      long ySize = y.shape().numDimensions() == 0 ? -1 : y.shape().get(0);
      if (xSize != ySize) {
        throw new IllegalArgumentException("Data cardinality is ambiguous. Make sure all arrays "
            + "contain the same number of samples. 'x' sizes: " + xSize + ", 'y' sizes: " + ySize);
      }
      ModelOutput out = definition.outputs().get(i);
      FloatNdArray adapted = ArrayData.adapt(y, out.labelShape(), found -> labelShapeError(out, found));
      out.loss().validateLabels(adapted, out.shape());
      labels.add(adapted);
    }
    return new ArrayData(inputs, dtypes(), labels);
  }

  /**
   * {@link #adapt(List, List)} with each sample's loss weight ({@code (n,)} or {@code (n, 1)}; null
   * for none).
   */
  ArrayData adapt(List<FloatNdArray> xs, List<FloatNdArray> ys, FloatNdArray sampleWeight) {
    ArrayData data = adapt(xs, ys);
    return sampleWeight == null ? data
        : data.withSampleWeights(SampleWeights.check(sampleWeight, data.size(), data.size()));
  }

  /** Each input's element type, in the model's input order. */
  List<DType> dtypes() {
    return definition.inputs().stream().map(ModelInput::dtype).toList();
  }

  /** Inputs alone, one array per model input, each checked against its input's shape. */
  List<FloatNdArray> inputs(List<FloatNdArray> xs) {
    return inputs(xs, false);
  }

  /** {@link #inputs(List)}; {@code empty}: arrays of no rows are accepted. */
  List<FloatNdArray> inputs(List<FloatNdArray> xs, boolean empty) {
    List<ModelInput> expected = definition.inputs();
    if (xs.size() != expected.size()) {
      throw new IllegalArgumentException("Model \"" + definition.name() + "\" expects "
          + expected.size() + " input(s) " + expected.stream().map(ModelInput::name).toList()
          + ", but it received " + xs.size() + " input array(s)");
    }
    List<FloatNdArray> adapted = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      adapted.add(input(i, xs.get(i), empty));
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

  private FloatNdArray input(int index, FloatNdArray x, boolean empty) {
    ModelInput in = definition.inputs().get(index);
    if (!empty && x.shape().numDimensions() > 0 && x.shape().get(0) == 0) {
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
    FloatNdArray adapted = ArrayData.adapt(x, in.shape(), where);
    if (in.dtype() != DType.FLOAT32) {
      checkIntegral(adapted, in, where);
    }
    return adapted;
  }

  /** An integer input's values must be whole numbers in its type's range, exact as floats (below 2^24). */
  private static void checkIntegral(FloatNdArray x, ModelInput in, String where) {
    double max = in.dtype() == DType.UINT8 ? 255 : 1 << 24;
    double min = in.dtype() == DType.UINT8 ? 0 : -(1 << 24);
    long[] index = {0};
    x.scalars().forEach(s -> {
      float v = s.getFloat();
      if (v != Math.rint(v) || v < min || v > max) {
        throw new IllegalArgumentException(where + " is " + in.dtype().numpyName() + ": expected whole "
            + "numbers in [" + (long) min + ", " + (long) max + "], found " + v + " at flat index " + index[0]);
      }
      index[0]++;
    });
  }

  /** The error for labels of the wrong shape; a hint when they suit the other cross-entropy. */
  private IllegalArgumentException labelShapeError(ModelOutput out, Shape found) {
    int rank = out.labelShape().numDimensions();
    String hint = "";
    if (out.loss() instanceof CategoricalCrossentropy && found.numDimensions() == rank - 1) {
      hint = " categorical_crossentropy expects one-hot labels, one column per class; for integer "
          + "class ids use sparse_categorical_crossentropy.";
    } else if (out.loss() instanceof SparseCategoricalCrossentropy
        && found.numDimensions() == rank + 1) {
      hint = " sparse_categorical_crossentropy expects integer class ids, one per sample; for "
          + "one-hot labels use categorical_crossentropy.";
    }
    String which = definition.outputs().size() == 1 ? "the model's output"
        : "output '" + out.name() + "'";
    return new IllegalArgumentException("Labels (y) for loss " + out.loss().kerasName()
        + " are incompatible with " + which + ": expected shape="
        + Shapes.format(out.labelShape()) + ", found shape=" + Shapes.format(found)
        + ". The " + (definition.outputs().size() == 1 ? "model's output" : "output's")
        + " shape is " + Shapes.format(out.shape()) + "." + hint);
  }

  static int checkBatchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "`batch_size` must be a positive integer. Received: batch_size=" + batchSize);
    }
    return batchSize;
  }
}
