package io.tfbridge.engine;

import io.tfbridge.layers.LayerOutput;
import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metric;
import io.tfbridge.optimizers.Gradient;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SlotFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Everything a compiled model runs, built once into one graph: input placeholders, forward pass, loss
 * and metric sums, gradients and the optimizer step. No op is added after construction.
 */
final class TrainingGraph {
  /** One placeholder per model input, in the model's input order: {@code x}, {@code x_1}, ... */
  final List<Placeholder<TFloat32>> xs = new ArrayList<>();
  final Placeholder<TFloat32> y;
  final Operand<TFloat32> trainingFlag;
  final LayerOutput output;
  final Operand<TFloat32> lossSum;
  final Operand<TFloat32> lossCount;
  final List<Operand<TFloat32>> metricSums = new ArrayList<>();
  final List<Operand<TFloat32>> metricCounts = new ArrayList<>();
  final List<Output<TFloat32>> gradients;
  final Op trainStep;

  TrainingGraph(Graph graph, ModelDefinition model, VariableStore variables) {
    Ops tf = Ops.create(graph);
    createWeights(model.layers(), variables);
    Map<String, Operand<TFloat32>> inputs = new LinkedHashMap<>();
    for (int i = 0; i < model.inputs().size(); i++) {
      ModelInput in = model.inputs().get(i);
      Placeholder<TFloat32> x = tf.withName(i == 0 ? "x" : "x_" + i)
          .placeholder(TFloat32.class, Placeholder.shape(in.shape()));
      xs.add(x);
      inputs.put(in.name(), x);
    }
    y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(model.labelShape()));
    trainingFlag = tf.withName("training").placeholderWithDefault(tf.constant(0f), Shape.scalar());
    List<Forward.Update> updates = new ArrayList<>();
    output = Forward.build(tf, model.layers(), variables, inputs, trainingFlag, model.seed(), updates);
    Ops lossOps = tf.withSubScope("loss");
    Operand<TFloat32> perSample = model.loss().call(lossOps, y, output);
    lossSum = lossOps.reduceSum(perSample, allAxes(lossOps, perSample));
    lossCount = lossOps.dtypes.cast(lossOps.size(perSample), TFloat32.class);
    for (Metric metric : model.metrics()) {
      Ops metricOps = tf.withSubScope("metrics").withSubScope(metric.name());
      Operand<TFloat32> values = metric.call(metricOps, y, output.value());
      metricSums.add(metricOps.reduceSum(values, allAxes(metricOps, values)));
      metricCounts.add(metricOps.dtypes.cast(metricOps.size(values), TFloat32.class));
    }
    Operand<TFloat32> meanLoss = lossOps.math.div(lossSum, lossCount);
    gradients = gradients(graph, meanLoss, variables);
    trainStep = trainStep(tf, model.optimizer(), variables, updates);
  }

  private static void createWeights(List<LayerNode> layers, VariableStore variables) {
    for (LayerNode node : layers) {
      node.weights().forEach(w ->
          variables.create(node.weightPath(w), w.shape(), w.initializer(), w.trainable()));
    }
  }

  /** Int32 axes: the Sum gradient fails to build on int64 reduction indices. */
  private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    int[] axes = new int[x.shape().numDimensions()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }

  @SuppressWarnings("unchecked")
  private static List<Output<TFloat32>> gradients(
      Graph graph, Operand<TFloat32> loss, VariableStore variables) {
    List<String> paths = variables.trainablePaths();
    Output<?>[] targets = paths.stream().map(p -> variables.variable(p).asOutput())
        .toArray(Output<?>[]::new);
    List<Output<TFloat32>> grads = new ArrayList<>();
    if (targets.length == 0) {
      return grads;
    }
    for (Output<?> g : graph.addGradients(loss.asOutput(), targets)) {
      grads.add((Output<TFloat32>) g);
    }
    return grads;
  }

  /**
   * The update ops wait for every gradient (TF1's GATE_GRAPH): VariableV2 updates are in place, and a
   * gradient op still reading a kernel must not see it already stepped. The layers' updates (moving
   * statistics) wait for the same gate, so they run after the forward pass whose statistics they take,
   * and only with a training step.
   */
  private Op trainStep(Ops tf, Optimizer optimizer, VariableStore variables,
      List<Forward.Update> updates) {
    List<Op> gate = new ArrayList<>();
    gradients.forEach(g -> gate.add(tf.identity(g)));
    Op step = optimizerStep(tf, optimizer, variables, gate);
    if (updates.isEmpty()) {
      return step;
    }
    Ops gated = tf.withSubScope("updates").withControlDependencies(gate);
    List<Op> all = new ArrayList<>();
    all.add(step);
    for (Forward.Update u : updates) {
      all.add(gated.assign(variables.variable(u.path()), u.value()));
    }
    return tf.withName("train_step").withControlDependencies(all).noOp();
  }

  private Op optimizerStep(Ops tf, Optimizer optimizer, VariableStore variables, List<Op> gate) {
    List<String> paths = variables.trainablePaths();
    List<Gradient> pairs = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Variable<TFloat32> v = variables.variable(paths.get(i));
      pairs.add(new Gradient(paths.get(i), v, gradients.get(i)));
    }
    Ops gated = tf.withSubScope(optimizer.kerasName()).withControlDependencies(gate);
    String prefix = optimizer.kerasName();
    return optimizer.applyGradients(gated, pairs, new SlotFactory() {
      @Override
      public Operand<TFloat32> zeros(String path, Shape shape) {
        return variables.zeros(path, shape);
      }

      @Override
      public Operand<TInt64> iterations() {
        return variables.iterations(prefix + "/iteration");
      }
    });
  }
}
