package io.tfbridge.losses;

import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.Shapes;
import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code CosineSimilarity} ({@code "cosine_similarity"}):
 * {@code -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)}, between -1 (same direction) and 1;
 * a zero vector gives 0. {@code axis} (default -1, the features) may be any axis but the batch's.
 *
 * <pre>{@code
 * Loss loss = CosineSimilarity.of().axis(1);
 * }</pre>
 */
public final class CosineSimilarity extends KerasLoss {
  private static final float INVERSE_EPSILON = 1f / Epsilon.VALUE;
  private final int axis;

  private CosineSimilarity(int axis) {
    this.axis = axis;
  }

  /** Keras's defaults: axis -1. */
  public static CosineSimilarity of() {
    return new CosineSimilarity(-1);
  }

  /** A copy that compares along {@code value} (negative counts from the last axis). */
  public CosineSimilarity axis(int value) {
    return new CosineSimilarity(value);
  }

  /** The axis the vectors lie along. */
  public int axis() {
    return axis;
  }

  @Override
  public String kerasName() {
    return "cosine_similarity";
  }

  @Override
  public String className() {
    return "CosineSimilarity";
  }

  /**
   * {@code name}, {@code reduction} and {@code axis} (Keras 3.15's own {@code get_config} leaves the
   * axis out; Keras's {@code from_config} reads it).
   */
  @Override
  public Config getConfig() {
    return super.getConfig().toBuilder().put("axis", axis).build();
  }

  /**
   * The output's shape: labels are vectors like the predictions.
   *
   * @throws IllegalArgumentException if the axis is the batch axis or outside the output's rank
   */
  @Override
  public Shape labelShape(Shape outputShape) {
    int rank = outputShape.numDimensions();
    if (axis >= rank || axis < -rank || axis == 0 || axis == -rank) {
      throw new IllegalArgumentException("CosineSimilarity: `axis` must be a non-batch axis of the "
          + "output, in [1, " + (rank - 1) + "] or [" + (1 - rank) + ", -1] for an output of shape "
          + Shapes.format(outputShape) + ". Received: axis=" + axis);
    }
    return outputShape;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, LayerOutput yPred) {
    Operand<TFloat32> product = tf.math.mul(normalize(tf, yTrue), normalize(tf, yPred.value()));
    return tf.math.neg(tf.reduceSum(product, tf.constant(axis)));
  }

  /** Keras's L2 normalization: {@code x * minimum(rsqrt(sum(x^2, axis)), 1 / 1e-7)}. */
  private Operand<TFloat32> normalize(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> squares = tf.reduceSum(tf.math.square(x), tf.constant(axis),
        ReduceSum.keepDims(true));
    return tf.math.mul(x, tf.math.minimum(tf.math.rsqrt(squares), tf.constant(INVERSE_EPSILON)));
  }
}
