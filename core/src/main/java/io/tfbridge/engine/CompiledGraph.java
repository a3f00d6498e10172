package io.tfbridge.engine;

import io.tfbridge.distribute.DevicePlacement;
import io.tfbridge.distribute.RemoteSession;
import io.tfbridge.distribute.Replicas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TFloat32;

/**
 * The native side of a compiled model: one Graph, one Session and the variables in it. It runs one
 * {@code Session.run} per batch. Whoever builds it closes it; close is idempotent and any use after
 * close throws {@link IllegalStateException}.
 */
public final class CompiledGraph implements AutoCloseable {
  private final ModelDefinition definition;
  private final Graph graph;
  private final Graph runGraph;
  private final Session session;
  private final VariableStore variables;
  private final TrainingGraph ops;
  private final Steps steps;
  private final GraphValues values;
  private boolean broadcast;
  private long trainedSamples;
  private boolean closed;

  /**
   * Builds the graph of {@code definition}, opens a session and initialises the variables. A
   * replicated model is built, then copied into a second graph whose ops carry their replica's
   * device (the ops {@code addGradients} makes have none); the session runs that copy, by op name.
   */
  public CompiledGraph(ModelDefinition definition) {
    JavaCpp.configure();
    CustomGradients.ensureRegistered();
    this.definition = definition;
    this.graph = new Graph();
    Graph placed = null;
    Session opened = null;
    try {
      this.variables = new VariableStore(org.tensorflow.op.Ops.create(graph));
      this.ops = new TrainingGraph(graph, definition, variables);
      Replicas replicas = definition.replicas();
      placed = replicas.placed() ? DevicePlacement.importGraph(DevicePlacement.place(
          graph.toGraphDef(), prefixes(replicas), replicas.hostDevice())) : graph;
      opened = !replicas.placed()
          ? new Session(graph, SessionConfigs.singleDevice(replicas.config()))
          : replicas.remote() ? RemoteSession.open(placed, replicas.target(), replicas.config())
          : new Session(placed, replicas.config());
    } catch (RuntimeException | Error e) {
      // the session holds a reference to the graph: Graph.close() would wait for it forever
      if (opened != null) {
        opened.close();
      }
      if (placed != null && placed != graph) {
        placed.close();
      }
      graph.close();
      throw e;
    }
    this.runGraph = placed;
    this.session = opened;
    this.steps = new Steps(session, ops, definition, new RunOutputs(graph, placed));
    this.values = new GraphValues(definition, session, variables, ops);
  }

  private static Map<String, String> prefixes(Replicas replicas) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < replicas.count(); i++) {
      map.put(Replicas.prefix(i), replicas.devices().get(i));
    }
    return map;
  }

  /** The definition this graph was built from. */
  public ModelDefinition definition() {
    return definition;
  }

  /**
   * Runs one training step on a batch (one label tensor per output) and returns the batch's sums,
   * computed before the update.
   */
  public BatchResult trainStep(List<? extends Tensor> xs, List<TFloat32> ys) {
    return trainStep(xs, ys, null);
  }

  /**
   * {@link #trainStep(List, List)} with each sample's weight in the loss (Keras's
   * {@code sample_weight}, shape {@code [batch]}; null for ones).
   */
  public BatchResult trainStep(List<? extends Tensor> xs, List<TFloat32> ys, TFloat32 sampleWeight) {
    Steps steps = liveTraining();
    BatchResult result = CollectiveFailure.run(definition.replicas().collective(), "training", () -> {
      broadcastOnce();
      return steps.sums(xs, ys, sampleWeight, true, true);
    });
    trainedSamples += xs.get(0).shape().get(0);
    return result;
  }

  /**
   * The samples this process has fed to training steps since the model was compiled: in a collective
   * group, only this task's shares of the global batches.
   */
  public long trainedSamples() {
    return trainedSamples;
  }

  /**
   * In a collective group, before this task's first training step: every variable takes the chief's
   * value (weights set or loaded on the chief, the optimizer's slots), so the tasks start alike. Every
   * task's first training step runs it, as every task's step runs the all-reduce.
   */
  private void broadcastOnce() {
    if (!broadcast && ops.broadcast() != null) {
      try (var unused = ByName.target(session.runner(), ops.broadcast()).run()) {
        // a target only: nothing is fetched
      }
    }
    broadcast = true;
  }

  /** {@link #trainStep(List, List)} for a model with one output. */
  public BatchResult trainStep(List<? extends Tensor> xs, TFloat32 y) {
    return trainStep(xs, List.of(y));
  }

  /** {@link #trainStep(List, TFloat32)} for a model with one input. */
  public BatchResult trainStep(TFloat32 x, TFloat32 y) {
    return trainStep(List.of(x), y);
  }

  /**
   * Keras's {@code optimizer.finalize_variable_values}, which {@code fit} runs after its epochs: with
   * {@code use_ema} the trainable weights take their moving averages. Nothing if the model has not
   * built its training step or the optimizer has nothing to finalize.
   */
  public void finalizeVariableValues() {
    checkOpen();
    if (ops.trainingBuilt() && ops.finalizeStep() != null) {
      values.liveTraining();
      try (var unused = ByName.target(session.runner(), ops.finalizeStep()).run()) {
        // a target only: nothing is fetched
      }
    }
  }

  /** Computes the loss and metric sums of a batch without training. */
  public BatchResult testStep(List<? extends Tensor> xs, List<TFloat32> ys) {
    return testStep(xs, ys, null);
  }

  /** {@link #testStep(List, List)} with each sample's weight in the loss (null for ones). */
  public BatchResult testStep(List<? extends Tensor> xs, List<TFloat32> ys, TFloat32 sampleWeight) {
    Steps steps = steps();
    return CollectiveFailure.run(definition.replicas().collective(), "test",
        () -> steps.sums(xs, ys, sampleWeight, false, false));
  }

  /** {@link #testStep(List, List)} for a model with one output. */
  public BatchResult testStep(List<? extends Tensor> xs, TFloat32 y) {
    return testStep(xs, List.of(y));
  }

  /** {@link #testStep(List, TFloat32)} for a model with one input. */
  public BatchResult testStep(TFloat32 x, TFloat32 y) {
    return testStep(List.of(x), y);
  }

  /** The model's first output for a batch (inference mode); the caller closes the returned tensor. */
  public TFloat32 predictStep(List<? extends Tensor> xs) {
    List<TFloat32> all = predictOutputs(xs);
    all.subList(1, all.size()).forEach(TFloat32::close);
    return all.get(0);
  }

  /** Every output of the model for a batch (inference mode); the caller closes the tensors. */
  public List<TFloat32> predictOutputs(List<? extends Tensor> xs) {
    return steps().predict(xs);
  }

  /**
   * Every output of the model for a batch (inference mode), handed to {@code sink} by output index
   * while the run's tensors are open; they close when this returns.
   */
  public void predictOutputs(List<? extends Tensor> xs,
      java.util.function.BiConsumer<Integer, TFloat32> sink) {
    steps().predict(xs, sink);
  }

  /** {@link #predictStep(List)} for a model with one input. */
  public TFloat32 predictStep(TFloat32 x) {
    return predictStep(List.of(x));
  }

  /**
   * The loss and metric sums of a batch with the layers in training mode (BatchNormalization on the
   * batch's statistics) but no step and no update (for gradient checks).
   */
  BatchResult testStepInTrainingMode(TFloat32 x, TFloat32 y) {
    return steps().sums(List.of(x), List.of(y), null, true, false);
  }

  /**
   * Runs one training step traced ({@code FULL_TRACE}) and returns TensorFlow's run metadata, whose
   * step stats say which device ran each op ({@link DevicePlacement#stepDevices}).
   */
  public RunMetadata traceTrainStep(List<? extends Tensor> xs, TFloat32 y) {
    Steps steps = liveTraining();
    return CollectiveFailure.run(definition.replicas().collective(), "traced training", () -> {
      broadcastOnce();
      return steps.traceTrainStep(xs, List.of(y));
    });
  }

  /**
   * The gradients of the mean loss of a batch, in trainable-weight order (for gradient checks), in
   * inference mode.
   */
  List<float[]> gradients(TFloat32 x, TFloat32 y) {
    return gradients(x, y, false);
  }

  /** The same, with the layers in training mode when {@code training} (no step is taken). */
  List<float[]> gradients(TFloat32 x, TFloat32 y, boolean training) {
    return steps().gradients(List.of(x), List.of(y), training);
  }

  private Steps steps() {
    checkOpen();
    values.live();
    return steps;
  }

  /**
   * Exports this model through {@code exporter} with one signature: the inputs named
   * {@code inputNames} (one per model input, in order) are the input placeholders, output
   * {@code outputName} the inference output. The variables are VariableV2 ops, which the exporter saves
   * (it drops VarHandleOp variables). A replicated model is exported from a single-device copy with
   * the same variables, since its ops name devices that the loading machine may not have.
   *
   * @throws IOException if the exporter cannot write
   */
  public void export(SavedModelBundle.Exporter exporter, String signatureKey, List<String> inputNames,
      String outputName) throws IOException {
    checkOpen();
    if (!definition.replicas().placed()) {
      liveTraining(); // the exporter saves every variable, the optimizer's too
      addTo(exporter, signatureKey, inputNames, outputName).export();
      return;
    }
    try (CompiledGraph single = new CompiledGraph(definition.withReplicas(Replicas.single()))) {
      single.setWeights(weights());
      single.setWeights(optimizerWeights());
      single.setIterations(iterations());
      single.export(exporter, signatureKey, inputNames, outputName);
    }
  }

  private SavedModelBundle.Exporter addTo(SavedModelBundle.Exporter exporter, String signatureKey,
      List<String> inputNames, String outputName) {
    if (inputNames.size() != ops.xs.size()) {
      throw new IllegalArgumentException("Model '" + definition.name() + "' has " + ops.xs.size()
          + " input(s), but " + inputNames.size() + " signature input names were given: " + inputNames);
    }
    Signature.Builder signature = Signature.builder(signatureKey);
    for (int i = 0; i < inputNames.size(); i++) {
      signature.input(inputNames.get(i), ops.xs.get(i));
    }
    signature.output(outputName, ops.outputs.get(0).value());
    for (int i = 1; i < ops.outputs.size(); i++) {
      signature.output("output_" + i, ops.outputs.get(i).value());
    }
    return exporter.withSession(session).withSignature(signature.build());
  }

  /** Every weight's value by Keras path ({@code dense/kernel}), in layer order. */
  public Map<String, float[]> weights() {
    checkOpen();
    return values.read(weightPaths());
  }

  /** Sets weights (or optimizer slots) by path; values are row-major and must match their sizes. */
  public void setWeights(Map<String, float[]> newValues) {
    checkOpen();
    values.set(newValues);
  }

  /**
   * Sets weights from sources read only when the variables are first initialised (a model file's
   * arrays, streamed one at a time); the caller keeps the sources readable until
   * {@link #initialize()}, which it calls before closing them. Unknown paths are refused.
   *
   * @throws IllegalStateException if the variables are initialised already
   */
  public void setWeightSources(Map<String, WeightSource> sources) {
    checkOpen();
    values.setSources(sources);
  }

  /**
   * Initialises the variables now (on first use otherwise): weights set so far, the initializers'
   * draws for the rest, in one run.
   */
  public void initialize() {
    checkOpen();
    values.live();
  }

  /**
   * The optimizer's float variables by path ({@code adam/dense_kernel_momentum}), in creation order:
   * everything but the model's weights. Set them with {@link #setWeights}.
   */
  public Map<String, float[]> optimizerWeights() {
    checkOpen();
    return values.optimizerValues(weightPaths());
  }

  /**
   * The learning rate the next training step uses (Keras's {@code optimizer.learning_rate}): the
   * constant rate's variable, or the schedule at the current step count.
   */
  public double learningRate() {
    liveTraining();
    try (var result = ByName.fetch(session.runner(), ops.learningRate()).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** Sets one of the optimizer's variables by path, with the training part of the graph built. */
  public void setOptimizerVariable(String path, float[] value) {
    liveTraining();
    values.set(Map.of(path, value));
  }

  /** The optimizer's step count (Keras's {@code iterations}): the training steps run so far. */
  public long iterations() {
    checkOpen();
    return values.iterations();
  }

  /** Sets the optimizer's step count, e.g. when restoring a saved optimizer state. */
  public void setIterations(long value) {
    checkOpen();
    values.setIterations(value);
  }

  /**
   * The graph op name of each variable by path: the weights ({@code dense/kernel}), the optimizer's
   * slots ({@code adam/dense_kernel_momentum}) and its int64 step counter ({@code adam/iteration}),
   * if it keeps one. TensorFlow makes scope names unique, so an op's name can differ from its path
   * ({@code dense/bias} may be op {@code dense_1/bias}); a SavedModel export keeps the op names.
   */
  public Map<String, String> variableNames() {
    checkOpen();
    ops.buildTraining(); // the optimizer's variables are made with its step
    return variables.opNames();
  }

  /**
   * The graph's definition as built so far (the training part once a training step ran), as
   * TensorBoard's graph view reads it.
   */
  public GraphDef graphDef() {
    checkOpen();
    return graph.toGraphDef();
  }

  /** The Keras paths of the model's weights (not the optimizer's), in {@code get_weights()} order. */
  public List<String> weightPaths() {
    List<String> paths = new ArrayList<>();
    for (LayerNode node : definition.layers()) {
      node.weights().forEach(w -> paths.add(node.weightPath(w)));
    }
    return paths;
  }

  /** The session's steps, with the training part of the graph built and its variables initialised. */
  private Steps liveTraining() {
    checkOpen();
    values.liveTraining();
    return steps;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Model '" + definition.name() + "' is closed");
    }
  }

  /** Closes the session and the graph; a second call does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
      if (runGraph != graph) {
        runGraph.close();
      }
      graph.close();
    }
  }
}
