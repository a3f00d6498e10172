package io.tfbridge.engine;

import io.tfbridge.layers.LayerOutput;
import io.tfbridge.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One replica's part of the graph: the forward pass on its inputs and its loss and metric sums. A
 * single-device model has one replica on the whole batch; a mirrored one, one per device on its
 * share, all under the replica's op-name prefix so that a placement pass can give them its device.
 */
record Replica(LayerOutput output, Operand<TFloat32> lossSum, Operand<TFloat32> lossCount,
    List<Operand<TFloat32>> metricSums, List<Operand<TFloat32>> metricCounts,
    List<Forward.Update> updates) {

  /**
   * Builds the forward pass, loss and metrics on {@code inputs} (by input name) and labels {@code y}.
   *
   * @param tf ops, scoped to the replica's prefix when replicated
   */
  static Replica build(Ops tf, ModelDefinition model, VariableStore variables,
      Map<String, Operand<TFloat32>> inputs, Operand<TFloat32> y, Operand<TFloat32> trainingFlag,
      long seed) {
    List<Forward.Update> updates = new ArrayList<>();
    LayerOutput output = Forward.build(tf, model.layers(), variables, inputs, trainingFlag, seed,
        updates);
    Ops lossOps = tf.withSubScope("loss");
    Operand<TFloat32> perSample = model.loss().call(lossOps, y, output);
    Operand<TFloat32> lossSum = lossOps.reduceSum(perSample, allAxes(lossOps, perSample));
    Operand<TFloat32> lossCount = lossOps.dtypes.cast(lossOps.size(perSample), TFloat32.class);
    List<Operand<TFloat32>> sums = new ArrayList<>();
    List<Operand<TFloat32>> counts = new ArrayList<>();
    for (Metric metric : model.metrics()) {
      Ops metricOps = tf.withSubScope("metrics").withSubScope(metric.name());
      Operand<TFloat32> values = metric.call(metricOps, y, output.value());
      sums.add(metricOps.reduceSum(values, allAxes(metricOps, values)));
      counts.add(metricOps.dtypes.cast(metricOps.size(values), TFloat32.class));
    }
    return new Replica(output, lossSum, lossCount, sums, counts, updates);
  }

  /**
   * Rows {@code [n*i/count, n*(i+1)/count)} of {@code x}, n its number of rows: replica {@code i}'s
   * share of a batch, cut on the host device before it moves to the replica's.
   */
  static Operand<TFloat32> share(Ops tf, Operand<TFloat32> x, int i, int count) {
    Operand<TInt32> rows = tf.gather(tf.shape(x), tf.constant(0), tf.constant(0));
    Operand<TInt32> begin = tf.math.div(tf.math.mul(rows, tf.constant(i)), tf.constant(count));
    Operand<TInt32> end = tf.math.div(tf.math.mul(rows, tf.constant(i + 1)), tf.constant(count));
    int rank = x.shape().numDimensions();
    int[] zeros = new int[rank - 1];
    int[] all = new int[rank - 1];
    java.util.Arrays.fill(all, -1);
    Operand<TInt32> begins = tf.concat(List.of(tf.reshape(begin, tf.constant(new int[] {1})),
        tf.constant(zeros)), tf.constant(0));
    Operand<TInt32> sizes = tf.concat(List.of(tf.reshape(tf.math.sub(end, begin),
        tf.constant(new int[] {1})), tf.constant(all)), tf.constant(0));
    return tf.slice(x, begins, sizes);
  }

  /** Int32 axes: the Sum gradient fails to build on int64 reduction indices. */
  static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    int[] axes = new int[x.shape().numDimensions()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }
}
