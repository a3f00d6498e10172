package io.tfbridge.models;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.CallbackList;
import io.tfbridge.callbacks.History;
import io.tfbridge.callbacks.TrainingParams;
import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.HostArrays;
import io.tfbridge.engine.CompiledGraph;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.engine.ModelOutput;
import io.tfbridge.inference.DType;
import io.tfbridge.inference.Predictor;
import io.tfbridge.inference.Predictors;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A compiled model: Keras's {@code fit}, {@code evaluate} and {@code predict} over one TensorFlow graph
 * and session, which it owns. Close it (try-with-resources); close is idempotent, and any use after it
 * throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * try (Model model = spec.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
 *   History history = model.fit(x, y, FitOptions.epochs(30).batchSize(10).validationSplit(0.2));
 *   float[][] probabilities = model.predict(xTest);
 * }
 * }</pre>
 */
public final class Model implements Predictor {
  private final ModelDefinition definition;
  private final CompiledGraph graph;
  private final FitLoop loop;
  private final SplittableRandom random;
  private final DataAdapter data;
  private final List<TensorSpec> inputSpecs;
  private final List<TensorSpec> outputSpecs;
  private volatile boolean stopTraining;
  private int resumeEpoch = -1;

  private Model(ModelDefinition definition) {
    this.definition = definition;
    this.data = new DataAdapter(definition);
    this.inputSpecs = inputSpecs(definition);
    this.outputSpecs = List.copyOf(outputSpecs(definition));
    this.graph = new CompiledGraph(definition);
    this.loop = new FitLoop(this, graph, definition.figures());
    this.random = new SplittableRandom(definition.seed() ^ 0x5DEECE66DL);
  }

  /** A compiled model of {@code definition}; see {@link ModelCompiler}. */
  static Model of(ModelDefinition definition) {
    return new Model(definition);
  }

  /** The model's name. */
  public String name() {
    return definition.name();
  }

  /** The placed layers, in order. */
  public List<LayerNode> layers() {
    return definition.layers();
  }

  /** Everything compile fixed: layers, shapes, loss, metrics, optimizer, seed. */
  public ModelDefinition definition() {
    return definition;
  }

  /**
   * Trains the model, as Keras's {@code fit}: the last {@code validationSplit} of the samples (taken
   * before shuffling) validate, the rest train in shuffled batches.
   *
   * @return the per-epoch loss and metrics, with {@code val_} figures when validating
   * @throws IllegalArgumentException if x or y do not fit the model, or their lengths differ
   */
  public History fit(FloatNdArray x, FloatNdArray y, FitOptions options) {
    return fit(List.of(x), y, options);
  }

  /**
   * {@link #fit(FloatNdArray, FloatNdArray, FitOptions)} for a model with several inputs: one array
   * per input, in the model's input order, each with the same number of samples.
   */
  public History fit(List<? extends FloatNdArray> xs, FloatNdArray y, FitOptions options) {
    return fit(xs, List.of(y), options);
  }

  /**
   * {@link #fit(FloatNdArray, FloatNdArray, FitOptions)} for a model with several inputs or outputs:
   * one array per input and one label array per output, in the model's orders; the logs hold the
   * total {@code loss}, each output's ({@code out_a_loss}) and each output's metrics.
   */
  public History fit(List<? extends FloatNdArray> xs, List<? extends FloatNdArray> ys,
      FitOptions options) {
    return fit(xs, ys, null, options);
  }

  /**
   * {@link #fit(FloatNdArray, FloatNdArray, FitOptions)} with each sample's weight in the loss
   * (Keras's {@code sample_weight}, shape {@code (n,)}): the loss is {@code sum(w * l) / count}; the
   * metrics are not weighted, as Keras does not weight {@code metrics}. A validation split takes its
   * share of the weights. For a sequence output every timestep's loss counts its sample's weight
   * (Keras 3.15 fails to broadcast a 1-D weight over timesteps).
   *
   * <pre>{@code
   * History history = model.fit(x, y, HostArrays.of(new float[] {1, 2, 1, 0}, 4), FitOptions.epochs(2));
   * }</pre>
   */
  public History fit(FloatNdArray x, FloatNdArray y, FloatNdArray sampleWeight, FitOptions options) {
    return fit(List.of(x), List.of(y), sampleWeight, options);
  }

  /**
   * {@link #fit(FloatNdArray, FloatNdArray, FloatNdArray, FitOptions)} with one array per input and
   * per output; one weight per sample weights every output's loss. {@code sampleWeight} may be null.
   *
   * @throws IllegalArgumentException if the weights are not one per sample, or come with class
   *     weights, in Keras's words
   */
  public History fit(List<? extends FloatNdArray> xs, List<? extends FloatNdArray> ys,
      FloatNdArray sampleWeight, FitOptions options) {
    if (options.classWeight() != null && sampleWeight != null) {
      throw new IllegalArgumentException(
          "You cannot `class_weight` and `sample_weight` at the same time.");
    }
    ArrayData all = data.adapt(List.copyOf(xs), List.copyOf(ys), sampleWeight);
    double split = options.validationX() != null ? 0 : options.validationSplit();
    int trainSize = (int) Math.ceil(all.size() * (1 - split));
    ArrayData train = withClassWeights(all.range(0, trainSize), options);
    ArrayData validation = options.validationX() != null ? validationData(options)
        : trainSize < all.size() ? all.range(trainSize, all.size()) : null;
    if (train.size() == 0) {
      throw new IllegalArgumentException("fit received no training samples: x has " + all.size()
          + " samples and validation_split=" + options.validationSplit());
    }
    SplittableRandom shuffling = options.shuffle() ? random : null;
    return loop.fit(new ArrayBatches(train, options.batchSize(), shuffling, options.stepsPerEpoch(),
        definition.replicas().collective()), validation, options);
  }

  /** The training samples weighted by {@link FitOptions#classWeight}, if given. */
  private ArrayData withClassWeights(ArrayData train, FitOptions options) {
    if (options.classWeight() == null) {
      return train;
    }
    if (definition.outputs().size() != 1) {
      throw new IllegalArgumentException(
          "`class_weight` is only supported for Models with a single output.");
    }
    return train.withSampleWeights(
        SampleWeights.fromClasses(options.classWeight(), train.labels().get(0)));
  }

  /**
   * Trains on a sequence of batches, as Keras's {@code fit(PyDataset)} and the lesson's
   * {@code fit(datagen.flow(x, y))}: the batches are made on a background thread, up to the
   * sequence's {@code maxQueueSize} ahead of training, so making them overlaps the training steps.
   * {@code options.stepsPerEpoch()} batches make an epoch (default: the sequence's size); the options'
   * batch size and shuffling do not apply (the sequence makes its batches); validation takes
   * {@link FitOptions#validationData} (a validation split is refused, as in Keras). Under a
   * collective {@code MultiWorkerMirroredStrategy} each task trains on its share of each batch
   * ({@link BatchSequence#getShard}).
   *
   * <pre>{@code
   * History history = model.fit(datagen.flow(x, y, 32, true, 42L), FitOptions.epochs(5));
   * }</pre>
   *
   * @throws IllegalArgumentException for a validation split, an empty sequence or a batch that does
   *     not fit the model (when that batch is reached)
   */
  public History fit(BatchSequence data, FitOptions options) {
    if (options.classWeight() != null) {
      throw new IllegalArgumentException("`class_weight` is not supported by tfbridge for a "
          + "BatchSequence: give the weights with arrays, or make them part of the loss");
    }
    if (options.validationSplit() > 0 && options.validationX() == null) {
      throw new IllegalArgumentException("`validation_split` is only supported for arrays, not for a "
          + "BatchSequence. Received: validation_split=" + options.validationSplit());
    }
    if (data.size() <= 0) {
      throw new IllegalArgumentException(
          "The BatchSequence has no batches: its size() is " + data.size());
    }
    int steps = options.stepsPerEpoch() > 0 ? options.stepsPerEpoch() : data.size();
    int epochs = options.epochs() - options.initialEpoch();
    ArrayData validation = options.validationX() != null ? validationData(options) : null;
    return loop.fit(new Prefetcher(data, this.data, steps, Math.max(epochs, 0),
        definition.replicas().collective()), validation, options);
  }

  /** The samples given with {@link FitOptions#validationData}, checked as training data is. */
  private ArrayData validationData(FitOptions options) {
    return data.adapt(options.validationX(), options.validationY(),
        options.validationSampleWeight());
  }

  /** {@link #fit(FloatNdArray, FloatNdArray, FitOptions)} with rows of features and class ids. */
  public History fit(float[][] x, int[] y, FitOptions options) {
    return fit(HostArrays.of(x), HostArrays.of(y), options);
  }

  /** {@link #fit(FloatNdArray, FloatNdArray, FitOptions)} with rows of features and of targets. */
  public History fit(float[][] x, float[][] y, FitOptions options) {
    return fit(HostArrays.of(x), HostArrays.of(y), options);
  }

  /** The loss and metrics on {@code x, y}, in batches of {@code batchSize}: {@code {loss=.., accuracy=..}}. */
  public Map<String, Double> evaluate(FloatNdArray x, FloatNdArray y, int batchSize) {
    return evaluate(List.of(x), y, batchSize);
  }

  /** {@link #evaluate(FloatNdArray, FloatNdArray, int)} with one array per model input. */
  public Map<String, Double> evaluate(List<? extends FloatNdArray> xs, FloatNdArray y, int batchSize) {
    return evaluate(xs, List.of(y), batchSize);
  }

  /** {@link #evaluate(FloatNdArray, FloatNdArray, int)} with one array per input and per output. */
  public Map<String, Double> evaluate(List<? extends FloatNdArray> xs, List<? extends FloatNdArray> ys,
      int batchSize) {
    return evaluate(xs, ys, null, batchSize);
  }

  /**
   * {@link #evaluate(FloatNdArray, FloatNdArray, int)} with each sample's weight in the loss (Keras's
   * {@code sample_weight}, shape {@code (n,)}); the metrics are not weighted.
   */
  public Map<String, Double> evaluate(FloatNdArray x, FloatNdArray y, FloatNdArray sampleWeight,
      int batchSize) {
    return evaluate(List.of(x), List.of(y), sampleWeight, batchSize);
  }

  /**
   * {@link #evaluate(FloatNdArray, FloatNdArray, FloatNdArray, int)} with one array per input and per
   * output; {@code sampleWeight} may be null.
   */
  public Map<String, Double> evaluate(List<? extends FloatNdArray> xs, List<? extends FloatNdArray> ys,
      FloatNdArray sampleWeight, int batchSize) {
    return evaluate(xs, ys, sampleWeight, batchSize, List.of());
  }

  /** {@link #evaluate(List, List, int)} calling the test hooks of {@code callbacks}. */
  public Map<String, Double> evaluate(List<? extends FloatNdArray> xs, List<? extends FloatNdArray> ys,
      int batchSize, List<? extends Callback> callbacks) {
    return evaluate(xs, ys, null, batchSize, callbacks);
  }

  /**
   * {@link #evaluate(List, List, FloatNdArray, int)} calling the test hooks of {@code callbacks}
   * (Keras's {@code evaluate(..., callbacks=...)}); {@code sampleWeight} may be null. Under a
   * collective {@code MultiWorkerMirroredStrategy} each task evaluates its share of each batch and
   * every task returns the figures of all the samples.
   */
  public Map<String, Double> evaluate(List<? extends FloatNdArray> xs, List<? extends FloatNdArray> ys,
      FloatNdArray sampleWeight, int batchSize, List<? extends Callback> callbacks) {
    DataAdapter.checkBatchSize(batchSize);
    ArrayData samples = data.adapt(List.copyOf(xs), List.copyOf(ys), sampleWeight);
    CallbackList hooks = hooks(callbacks, (samples.size() + batchSize - 1) / batchSize);
    return new LinkedHashMap<>(loop.evaluate(samples, batchSize, 0, hooks));
  }

  /** {@code callbacks} told of this model and of a one-epoch run of {@code steps} batches. */
  private CallbackList hooks(List<? extends Callback> callbacks, int steps) {
    CallbackList hooks = new CallbackList(callbacks);
    hooks.setModel(this);
    hooks.setParams(new TrainingParams(1, steps, 0));
    return hooks;
  }

  /** {@link #evaluate(FloatNdArray, FloatNdArray, int)} with Keras's default batch size 32. */
  public Map<String, Double> evaluate(FloatNdArray x, FloatNdArray y) {
    return evaluate(x, y, 32);
  }

  /** {@link #evaluate(FloatNdArray, FloatNdArray)} with rows of features and class ids. */
  public Map<String, Double> evaluate(float[][] x, int[] y) {
    return evaluate(HostArrays.of(x), HostArrays.of(y));
  }

  /** The model's outputs for {@code x}, in batches of {@code batchSize}, in inference mode. */
  public FloatNdArray predict(FloatNdArray x, int batchSize) {
    return predict(List.of(x), batchSize);
  }

  /**
   * {@link #predict(FloatNdArray, int)} with one array per model input.
   *
   * @throws IllegalStateException for a model with several outputs: use {@link #predictOutputs}
   */
  public FloatNdArray predict(List<? extends FloatNdArray> xs, int batchSize) {
    if (definition.outputs().size() != 1) {
      throw new IllegalStateException("Model '" + name() + "' has " + definition.outputs().size()
          + " outputs " + outputNames() + ": use predictOutputs, which returns one array per output");
    }
    return predictOutputs(xs, batchSize).get(0);
  }

  /** Every output of the model for {@code xs}, in batches of {@code batchSize}, in output order. */
  public List<FloatNdArray> predictOutputs(List<? extends FloatNdArray> xs, int batchSize) {
    return predictOutputs(xs, batchSize, List.of());
  }

  /**
   * {@link #predictOutputs(List, int)} calling the predict hooks of {@code callbacks} (Keras's
   * {@code predict(..., callbacks=...)}).
   */
  public List<FloatNdArray> predictOutputs(List<? extends FloatNdArray> xs, int batchSize,
      List<? extends Callback> callbacks) {
    DataAdapter.checkBatchSize(batchSize);
    ArrayData samples = new ArrayData(data.inputs(List.copyOf(xs)), data.dtypes(), List.of());
    List<FloatNdArray> outs = new ArrayList<>();
    for (ModelOutput o : definition.outputs()) {
      outs.add(NdArrays.ofFloats(Shape.of(samples.size()).append(o.shape().tail())));
    }
    int[] order = java.util.stream.IntStream.range(0, samples.size()).toArray();
    CallbackList hooks = hooks(callbacks, (samples.size() + batchSize - 1) / batchSize);
    hooks.onPredictBegin(new LinkedHashMap<>());
    for (int from = 0, batch = 0; from < samples.size(); from += batchSize, batch++) {
      int to = Math.min(samples.size(), from + batchSize);
      hooks.onPredictBatchBegin(batch, new LinkedHashMap<>());
      try (Batch b = samples.batch(order, from, to)) {
        copyOut(b.inputs(), outs, from, to);
      }
      hooks.onPredictBatchEnd(batch, new LinkedHashMap<>());
    }
    hooks.onPredictEnd(new LinkedHashMap<>());
    return outs;
  }

  private void copyOut(List<? extends Tensor> xs, List<FloatNdArray> outs, int from, int to) {
    graph.predictOutputs(xs, (i, batch) -> batch.copyTo(outs.get(i).shape().get(0) == to - from
        ? outs.get(i) : outs.get(i).slice(org.tensorflow.ndarray.index.Indices.range(from, to))));
  }

  private List<String> outputNames() {
    return definition.outputs().stream().map(ModelOutput::name).toList();
  }

  /** The model's inputs, named after their Input layers ({@code input_layer} unless named). */
  @Override
  public List<TensorSpec> inputs() {
    return inputSpecs;
  }

  private static List<TensorSpec> inputSpecs(ModelDefinition definition) {
    return definition.inputs().stream()
        .map(in -> new TensorSpec(in.name(), in.dtype(), in.shape())).toList();
  }

  /** The model's outputs, {@code output_0}, {@code output_1}, ... as in Keras's exported SavedModels. */
  @Override
  public List<TensorSpec> outputs() {
    return outputSpecs;
  }

  private static List<TensorSpec> outputSpecs(ModelDefinition definition) {
    List<TensorSpec> specs = new ArrayList<>();
    for (int i = 0; i < definition.outputs().size(); i++) {
      specs.add(new TensorSpec("output_" + i, DType.FLOAT32, definition.outputs().get(i).shape()));
    }
    return specs;
  }

  /** {@link #predict(FloatNdArray)} with the input and output by name, as {@link Predictor} runs. */
  @Override
  public Map<String, NdArray<?>> predict(Map<String, ? extends NdArray<?>> inputs) {
    List<FloatNdArray> xs = new ArrayList<>();
    for (TensorSpec in : inputs()) {
      NdArray<?> x = Predictors.require(inputs, inputs(), in);
      xs.add(HostArrays.asFloats(x, in));
    }
    List<FloatNdArray> values = predictOutputs(xs, 32);
    Map<String, NdArray<?>> byName = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      byName.put(outputs().get(i).name(), values.get(i));
    }
    return byName;
  }

  /** {@link #predict(FloatNdArray, int)} with Keras's default batch size 32. */
  @Override
  public FloatNdArray predict(FloatNdArray x) {
    return predict(x, 32);
  }

  /** Predictions for rows of features, for a model with rank-2 outputs. */
  public float[][] predict(float[][] x) {
    return HostArrays.toRows(predict(HostArrays.of(x)));
  }

  /**
   * The layer named {@code name} (Keras's {@code model.get_layer(name)}), whose weights can be read
   * and set.
   *
   * @throws IllegalArgumentException for an unknown name, listing the layers
   */
  public ModelLayer getLayer(String name) {
    for (LayerNode node : definition.layers()) {
      if (node.name().equals(name)) {
        return new ModelLayer(node, graph);
      }
    }
    throw new IllegalArgumentException("No such layer: " + name + ". Existing layers are: "
        + definition.layers().stream().map(LayerNode::name).toList() + ".");
  }

  /**
   * Copies the weights of every layer {@code source} has under the same name and with weights of the
   * same shapes (Keras's {@code load_weights(by_name=True)}): how a fine-tuned model starts from a
   * pretrained one.
   *
   * @return the names of the layers copied
   * @throws IllegalArgumentException if no layer matches by name, or a matching layer's weights differ
   *     in number or shape, naming it
   */
  public List<String> copyWeightsByName(Model source) {
    List<String> copied = new ArrayList<>();
    for (LayerNode node : definition.layers()) {
      boolean known = source.definition.layers().stream().anyMatch(n -> n.name().equals(node.name()));
      if (known && !node.weights().isEmpty()) {
        getLayer(node.name()).setWeights(source.getLayer(node.name()).getWeights());
        copied.add(node.name());
      }
    }
    if (copied.isEmpty()) {
      throw new IllegalArgumentException("Model '" + name() + "' shares no layer with weights by "
          + "name with model '" + source.name() + "'");
    }
    return copied;
  }

  /** The weights in Keras's {@code get_weights()} order, each row-major. */
  public List<float[]> getWeights() {
    return new ArrayList<>(graph.weights().values());
  }

  /**
   * Sets the weights from a list in Keras's {@code get_weights()} order, each row-major.
   *
   * @throws IllegalArgumentException if the count or a size differs, naming the weight
   */
  public void setWeights(List<float[]> values) {
    List<String> paths = graph.weightPaths();
    if (values.size() != paths.size()) {
      throw new IllegalArgumentException("Model '" + name() + "' has " + paths.size()
          + " weights " + paths + ", received " + values.size());
    }
    Map<String, float[]> byPath = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      byPath.put(paths.get(i), values.get(i));
    }
    graph.setWeights(byPath);
  }

  /** The weights by Keras path ({@code dense/kernel}), row-major. */
  public Map<String, float[]> weights() {
    return graph.weights();
  }

  /**
   * Whether a callback asked training to stop (Keras's {@code model.stop_training}); {@code fit}
   * clears it when it starts.
   */
  public boolean stopTraining() {
    return stopTraining;
  }

  /**
   * Asks {@code fit} to stop after the current batch (its epoch still ends: validation and
   * {@code onEpochEnd}), as Keras's {@code model.stop_training = True}.
   */
  public void setStopTraining(boolean value) {
    stopTraining = value;
  }

  /**
   * Makes the running {@code fit} start at epoch {@code epoch} (counting from 0) instead of its
   * {@code initial_epoch}: what a callback that resumes training (BackupAndRestore) does in
   * {@code onTrainBegin}, as Keras's sets {@code model._initial_epoch}. Only honoured when called
   * from {@code onTrainBegin}.
   *
   * @throws IllegalArgumentException for a negative epoch
   */
  public void setInitialEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("initial_epoch must be >= 0. Received: " + epoch);
    }
    resumeEpoch = epoch;
  }

  /** The epoch a callback asked fit to start at (or -1), cleared as it is read. */
  int takeInitialEpoch() {
    int epoch = resumeEpoch;
    resumeEpoch = -1;
    return epoch;
  }

  /**
   * The learning rate of the next training step (Keras's {@code model.optimizer.learning_rate}): the
   * constant rate, or a schedule's rate at the current step.
   */
  public double learningRate() {
    return graph.learningRate();
  }

  /**
   * Sets the constant learning rate for the steps to come, as callbacks such as ReduceLROnPlateau do
   * (Keras's {@code model.optimizer.learning_rate = value}); it is saved with the optimizer's state.
   *
   * @throws IllegalStateException if the rate follows a schedule, as in Keras
   * @throws IllegalArgumentException if {@code value} is negative or not finite
   */
  public void setLearningRate(double value) {
    Optimizer optimizer = definition.optimizer();
    if (!optimizer.hasLearningRateVariable()) {
      throw new IllegalStateException("This optimizer was created with a `LearningRateSchedule` "
          + "object as its `learning_rate` constructor argument, hence its learning rate is not "
          + "settable. If you need the learning rate to be settable, you should instantiate the "
          + "optimizer with a float `learning_rate` argument.");
    }
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "learning_rate must be a finite number >= 0. Received: learning_rate=" + value);
    }
    graph.setOptimizerVariable(optimizer.learningRatePath(), new float[] {(float) value});
  }

  /** Keras's summary table. */
  public String summary() {
    return Summary.of(name(), definition.inputs(), layers());
  }

  /**
   * Whether this process writes checkpoints and logs, Keras's
   * {@code strategy.extended.should_checkpoint}: always, except on a task other than the chief of a
   * collective {@link io.tfbridge.distribute.MultiWorkerMirroredStrategy}, where
   * {@code ModelCheckpoint}, {@code BackupAndRestore} and {@code TensorBoard} write nothing (every
   * task trains the same weights and sees the same global logs; the chief alone writes them).
   * {@code CSVLogger} writes on every task, as in Keras: give each task its own file.
   */
  public boolean isChief() {
    io.tfbridge.distribute.CollectiveGroup group = definition.replicas().collective();
    return group == null || group.isChief();
  }

  /** The native graph, for interop (export) within tfbridge. */
  public CompiledGraph graph() {
    return graph;
  }

  /** Closes the session and graph; a second call does nothing. */
  @Override
  public void close() {
    graph.close();
  }
}
