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
import org.tensorflow.types.family.TType;

/**
 * One replica's part of the graph: the forward pass on its inputs, each output's loss sum and count,
 * and the state tensors of the figures a batch reports ({@link ModelDefinition#figureNames()}). A
 * single-device model has one replica on the whole batch; a mirrored one, one per device on its share,
 * all under the replica's op-name prefix so that a placement pass can give them its device.
 *
 * @param outputs the model's outputs
 * @param lossSums each output's loss summed over its elements
 * @param lossCounts each output's number of loss elements
 * @param figureStates each reported figure's state tensors for this batch, in figure order
 * @param rows the number of samples in this replica's share
 * @param updates the layers' variable updates (moving statistics)
 * @param addedLosses the losses layers added (activity regularization)
 */
record Replica(List<LayerOutput> outputs, List<Operand<TFloat32>> lossSums,
    List<Operand<TFloat32>> lossCounts, List<List<Operand<TFloat32>>> figureStates,
    Operand<TFloat32> rows, List<Forward.Update> updates,
    List<Operand<TFloat32>> addedLosses) {

  /**
   * Builds the forward pass, losses and metrics on {@code inputs} (by input name) and labels {@code ys}
   * (one per output). Each sample's loss values count {@code sampleWeight} times (Keras's
   * {@code sample_weight}: the loss is {@code sum(w * l) / count}); the metrics are not weighted, as
   * Keras does not weight a compiled model's {@code metrics}.
   *
   * @param prefix {@code ""}, or the replica's {@code replica_1/}: its ops' names start with it
   */
  static Replica build(String prefix, ModelDefinition model, VariableStore variables,
      Map<String, ? extends Operand<?>> inputs, List<? extends Operand<TFloat32>> ys,
      Operand<TFloat32> sampleWeight, Operand<TFloat32> trainingFlag, long seed) {
    Ops tf = prefix.isEmpty() ? variables.root() : variables.scope(prefix.replace("/", ""));
    Forward.Result forward = Forward.build(prefix, model, variables, inputs, trainingFlag, seed);
    List<Operand<TFloat32>> sums = new ArrayList<>();
    List<Operand<TFloat32>> counts = new ArrayList<>();
    List<List<Operand<TFloat32>>> figureStates = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      Ops lossOps = tf.withSubScope(i == 0 ? "loss" : "loss_" + i);
      Operand<TFloat32> perSample = model.outputs().get(i).loss().call(lossOps, ys.get(i),
          forward.outputs().get(i));
      sums.add(weightedSum(lossOps, perSample, sampleWeight));
      counts.add(count(lossOps, perSample));
    }
    for (int i = 0; model.outputs().size() > 1 && i < sums.size(); i++) {
      figureStates.add(List.of(sums.get(i), counts.get(i)));
    }
    for (int i = 0; i < model.outputs().size(); i++) {
      for (Metric metric : model.outputs().get(i).metrics()) {
        Ops metricOps = tf.withSubScope("metrics").withSubScope(metric.name() + (i == 0 ? "" : "_" + i));
        figureStates.add(metric.update(metricOps, ys.get(i), forward.outputs().get(i)));
      }
    }
    Operand<?> first = inputs.values().iterator().next();
    Operand<TFloat32> rows = tf.dtypes.cast(tf.gather(tf.shape(first), tf.constant(0), tf.constant(0)),
        TFloat32.class);
    return new Replica(forward.outputs(), sums, counts, figureStates, rows,
        forward.updates(), forward.losses());
  }

  /**
   * {@code sum(w * values)}, each sample's values (one, or one per timestep, whatever their layout:
   * a loss may flatten them to {@code [batch * steps]}) times that sample's weight.
   */
  private static Operand<TFloat32> weightedSum(Ops tf, Operand<TFloat32> values,
      Operand<TFloat32> weights) {
    Operand<TInt32> rowsByRest = tf.stack(List.of(tf.size(weights), tf.constant(-1)));
    Operand<TFloat32> bySample = tf.reshape(values, rowsByRest);
    Operand<TFloat32> weighted = tf.math.mul(bySample, tf.expandDims(weights, tf.constant(-1)));
    return tf.reduceSum(weighted, tf.constant(new int[] {0, 1}));
  }

  private static Operand<TFloat32> count(Ops tf, Operand<TFloat32> values) {
    return tf.dtypes.cast(tf.size(values), TFloat32.class);
  }

  /**
   * Rows {@code [n*i/count, n*(i+1)/count)} of {@code x}, n its number of rows: replica {@code i}'s
   * share of a batch, cut on the host device before it moves to the replica's.
   */
  static <T extends TType> Operand<T> share(Ops tf, Operand<T> x, int i, int count) {
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
    // the slice's sizes are computed, so TensorFlow infers no dimension of it: restore all but the
    // batch's, which layers read (Flatten's reshape)
    long[] shape = x.shape().asArray();
    shape[0] = -1;
    return tf.ensureShape(tf.slice(x, begins, sizes), org.tensorflow.ndarray.Shape.of(shape));
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
