package io.tfbridge.losses;

import io.tfbridge.layers.LayerOutput;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Keras loss. The model reduces its per-sample values Keras's way ({@code sum_over_batch_size}: the
 * mean over every element).
 */
public interface Loss {

  /** The Keras name, e.g. {@code "sparse_categorical_crossentropy"}. */
  String kerasName();

  /** The shape labels must have for a model output of {@code outputShape} (batch first). */
  Shape labelShape(Shape outputShape);

  /**
   * Checks label values before they reach the graph, e.g. class ids in range for the sparse loss.
   *
   * @throws IllegalArgumentException naming the first bad label, its index and the expected range
   */
  default void validateLabels(FloatNdArray labels, Shape outputShape) {}

  /** Adds the per-sample loss ops: one value per sample (and timestep, for sequence outputs). */
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred);
}
