package io.tfbridge.metrics;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A metric whose value is the mean of a per-sample quantity over every sample seen (Keras's
 * {@code MeanMetricWrapper}): its state is the sum of the values and their number.
 */
public abstract class MeanMetricWrapper extends KerasMetric {

  MeanMetricWrapper(String name, String identifier) {
    super(name, identifier);
  }

  /** Adds the ops of the per-sample values (one per sample, or per sample and timestep). */
  public abstract Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred);

  /** The batch's sum of the per-sample values and their number. */
  @Override
  public List<Operand<TFloat32>> update(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return sumAndCount(tf, call(tf, yTrue, yPred));
  }

  /** The sum of {@code values} and their number. */
  static List<Operand<TFloat32>> sumAndCount(Ops tf, Operand<TFloat32> values) {
    Operand<TFloat32> count = tf.dtypes.cast(tf.size(values), TFloat32.class);
    return List.of(tf.reduceSum(values, allAxes(tf, values)), count);
  }

  /** {@code sum / count} (0 before any sample, as Keras's {@code divide_no_nan}). */
  @Override
  public double result(double[][] totals) {
    return mean(totals);
  }

  static double mean(double[][] totals) {
    return divideNoNan(totals[0][0], totals[1][0]);
  }

  /** Int32 axes over every dimension of {@code x}. */
  static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    int[] axes = new int[x.shape().numDimensions()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }
}
