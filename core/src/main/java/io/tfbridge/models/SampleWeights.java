package io.tfbridge.models;

import java.util.Map;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Keras's {@code sample_weight} and {@code class_weight} as one weight per sample: the given weights
 * checked against the data, or each sample's class looked up in the class weights.
 */
final class SampleWeights {

  private SampleWeights() {}

  /**
   * {@code weights} as {@code [n]}: one weight per sample, shape {@code (n,)} or {@code (n, 1)}.
   *
   * @throws IllegalArgumentException for another shape or another number of samples, in Keras's words
   */
  static FloatNdArray check(FloatNdArray weights, long xSize, long ySize) {
    Shape shape = weights.shape();
    boolean samplewise = shape.numDimensions() == 1
        || shape.numDimensions() == 2 && shape.get(1) == 1;
    if (!samplewise) {
      throw new IllegalArgumentException("`sample_weight` should have one scalar score per sample "
          + "(i.e. shape `(num_samples,)`). Received: sample_weight of shape " + shape);
    }
    if (shape.get(0) != xSize) {
      throw new IllegalArgumentException("Data cardinality is ambiguous. Make sure all arrays "
          + "contain the same number of samples. 'x' sizes: " + xSize + ", 'y' sizes: " + ySize
          + ", 'sample_weight' sizes: " + shape.get(0));
    }
    return shape.numDimensions() == 1 ? weights : weights.withShape(Shape.of(shape.get(0)));
  }

  /**
   * Keras's {@code class_weight_to_sample_weights}: each sample's class is its label rounded to an
   * integer (sparse labels, shape {@code (n,)} or {@code (n, 1)}) or the argmax of its row (one-hot
   * labels, {@code (n, classes)}); its weight is that class's, or 1 for a class the map leaves out.
   *
   * @throws IllegalArgumentException for labels with more than one class per sample
   */
  static FloatNdArray fromClasses(Map<Integer, Double> classWeight, FloatNdArray labels) {
    Shape shape = labels.shape();
    if (shape.numDimensions() > 2) {
      throw new IllegalArgumentException("`class_weight` needs one class per sample: labels of "
          + "shape (n,), (n, 1) or (n, classes). Received: y of shape " + shape);
    }
    int n = (int) shape.get(0);
    FloatNdArray weights = NdArrays.ofFloats(Shape.of(n));
    for (int i = 0; i < n; i++) {
      int c = classOf(labels.get(i));
      weights.setFloat(classWeight.getOrDefault(c, 1.0).floatValue(), i);
    }
    return weights;
  }

  /** A label row's class: the argmax of a row of several, else the value rounded half to even. */
  private static int classOf(FloatNdArray row) {
    if (row.rank() == 0 || row.shape().get(0) == 1) {
      float v = row.rank() == 0 ? row.getFloat() : row.getFloat(0);
      return (int) Math.rint(v);
    }
    int best = 0;
    for (int j = 1; j < row.shape().get(0); j++) {
      if (row.getFloat(j) > row.getFloat(best)) {
        best = j;
      }
    }
    return best;
  }
}
