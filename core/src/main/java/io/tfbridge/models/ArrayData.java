package io.tfbridge.models;

import io.tfbridge.engine.HostTypes;
import io.tfbridge.inference.DType;
import io.tfbridge.layers.Shapes;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Samples held on the host, the first axis indexing them, and batches of them as tensors. Shapes are
 * checked against the model once, when the data is adapted, never inside the batch loop.
 */
final class ArrayData {
  private final List<FloatNdArray> xs;
  private final List<DType> dtypes;
  private final List<FloatNdArray> ys;
  private final FloatNdArray sampleWeights;

  /**
   * Samples of one or more inputs (the same number of each), the element type each input's batches
   * are made of, and their labels, one array per output (none to predict).
   */
  ArrayData(List<FloatNdArray> xs, List<DType> dtypes, List<FloatNdArray> ys) {
    this(xs, dtypes, ys, null);
  }

  /** As {@link #ArrayData(List, List, List)}, with each sample's loss weight ({@code [n]}, or null). */
  ArrayData(List<FloatNdArray> xs, List<DType> dtypes, List<FloatNdArray> ys,
      FloatNdArray sampleWeights) {
    this.xs = List.copyOf(xs);
    this.dtypes = List.copyOf(dtypes);
    this.ys = List.copyOf(ys);
    this.sampleWeights = sampleWeights;
  }

  /** The same samples with these loss weights ({@code [n]}). */
  ArrayData withSampleWeights(FloatNdArray weights) {
    return new ArrayData(xs, dtypes, ys, weights);
  }

  /** The labels, one array per output. */
  List<FloatNdArray> labels() {
    return ys;
  }

  /** Each sample's loss weight, or null. */
  FloatNdArray sampleWeights() {
    return sampleWeights;
  }

  /** The number of samples. */
  int size() {
    return (int) xs.get(0).shape().get(0);
  }

  /** Samples {@code [from, to)} as a view. */
  ArrayData range(int from, int to) {
    var index = org.tensorflow.ndarray.index.Indices.range(from, to);
    return new ArrayData(xs.stream().map(x -> x.slice(index)).toList(), dtypes,
        ys.stream().map(y -> y.slice(index)).toList(),
        sampleWeights == null ? null : sampleWeights.slice(index));
  }

  /**
   * The samples at {@code order[from..to)}: one tensor per input, the labels (none without labels)
   * and the sample weights (if any), which the caller closes.
   */
  Batch batch(int[] order, int from, int to) {
    List<TType> inputs = new ArrayList<>();
    List<TFloat32> labels = new ArrayList<>();
    TFloat32 weights = null;
    try {
      for (int i = 0; i < xs.size(); i++) {
        inputs.add(HostTypes.gather(dtypes.get(i), xs.get(i), order, from, to));
      }
      for (FloatNdArray y : ys) {
        labels.add((TFloat32) HostTypes.gather(DType.FLOAT32, y, order, from, to));
      }
      if (sampleWeights != null) {
        weights = (TFloat32) HostTypes.gather(DType.FLOAT32, sampleWeights, order, from, to);
      }
      return new Batch(inputs, labels, weights);
    } catch (RuntimeException | Error e) {
      new Batch(inputs, labels, weights).close();
      throw e;
    }
  }

  /**
   * Checks {@code array} against a model shape (batch first, -1 unknown); an array missing a trailing
   * axis of size 1 gets it, as Keras does: {@code (3, 5)} feeds an input of {@code (None, 5, 1)}.
   */
  static FloatNdArray adapt(FloatNdArray array, Shape expected, String what) {
    return adapt(array, expected, found -> new IllegalArgumentException(
        what + " is incompatible with the layer: expected shape=" + Shapes.format(expected)
            + ", found shape=" + Shapes.format(found)));
  }

  /** As {@link #adapt(FloatNdArray, Shape, String)}, throwing {@code error} of the found shape. */
  static FloatNdArray adapt(FloatNdArray array, Shape expected,
      java.util.function.Function<Shape, IllegalArgumentException> error) {
    Shape found = array.shape();
    int rank = expected.numDimensions();
    if (found.numDimensions() == rank - 1 && expected.get(rank - 1) == 1) {
      array = array.withShape(found.append(1));
      found = array.shape();
    }
    if (!compatible(found, expected)) {
      throw error.apply(found);
    }
    return array;
  }

  private static boolean compatible(Shape found, Shape expected) {
    if (found.numDimensions() != expected.numDimensions()) {
      return false;
    }
    for (int i = 1; i < found.numDimensions(); i++) {
      if (expected.get(i) >= 0 && expected.get(i) != found.get(i)) {
        return false;
      }
    }
    return true;
  }
}
