package io.tfbridge.models;

import io.tfbridge.callbacks.History;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

  private Model(ModelDefinition definition) {
    this.definition = definition;
    this.data = new DataAdapter(definition);
    this.graph = new CompiledGraph(definition);
    this.loop = new FitLoop(graph, definition.figures());
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
    ArrayData all = data.adapt(List.copyOf(xs), List.copyOf(ys));
    double split = options.validationX() != null ? 0 : options.validationSplit();
    int trainSize = (int) Math.ceil(all.size() * (1 - split));
    ArrayData train = all.range(0, trainSize);
    ArrayData validation = options.validationX() != null ? validationData(options)
        : trainSize < all.size() ? all.range(trainSize, all.size()) : null;
    if (train.size() == 0) {
      throw new IllegalArgumentException("fit received no training samples: x has " + all.size()
          + " samples and validation_split=" + options.validationSplit());
    }
    SplittableRandom shuffling = options.shuffle() ? random : null;
    return loop.fit(new ArrayBatches(train, options.batchSize(), shuffling, options.stepsPerEpoch()),
        validation, options);
  }

  /**
   * Trains on a sequence of batches, as Keras's {@code fit(PyDataset)} and the lesson's
   * {@code fit(datagen.flow(x, y))}: the batches are made on a background thread, up to the
   * sequence's {@code maxQueueSize} ahead of training, so making them overlaps the training steps.
   * {@code options.stepsPerEpoch()} batches make an epoch (default: the sequence's size); the options'
   * batch size and shuffling do not apply (the sequence makes its batches); validation takes
   * {@link FitOptions#validationData} (a validation split is refused, as in Keras).
   *
   * <pre>{@code
   * History history = model.fit(datagen.flow(x, y, 32, true, 42L), FitOptions.epochs(5));
   * }</pre>
   *
   * @throws IllegalArgumentException for a validation split, an empty sequence or a batch that does
   *     not fit the model (when that batch is reached)
   */
  public History fit(BatchSequence data, FitOptions options) {
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
    return loop.fit(new Prefetcher(data, this.data, steps, Math.max(epochs, 0)), validation,
        options);
  }

  /** The samples given with {@link FitOptions#validationData}, checked as training data is. */
  private ArrayData validationData(FitOptions options) {
    return data.adapt(options.validationX(), options.validationY());
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
    DataAdapter.checkBatchSize(batchSize);
    return new LinkedHashMap<>(loop.evaluate(data.adapt(List.copyOf(xs), List.copyOf(ys)), batchSize)
        .logs(""));
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
    DataAdapter.checkBatchSize(batchSize);
    ArrayData samples = new ArrayData(data.inputs(List.copyOf(xs)), data.dtypes(), List.of());
    List<FloatNdArray> outs = new ArrayList<>();
    for (ModelOutput o : definition.outputs()) {
      outs.add(NdArrays.ofFloats(Shape.of(samples.size()).append(o.shape().tail())));
    }
    int[] order = java.util.stream.IntStream.range(0, samples.size()).toArray();
    for (int from = 0; from < samples.size(); from += batchSize) {
      int to = Math.min(samples.size(), from + batchSize);
      try (Batch b = samples.batch(order, from, to)) {
        copyOut(graph.predictOutputs(b.inputs()), outs, from, to);
      }
    }
    return outs;
  }

  private static void copyOut(List<TFloat32> batch, List<FloatNdArray> outs, int from, int to) {
    try {
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).copyTo(outs.get(i).slice(org.tensorflow.ndarray.index.Indices.range(from, to)));
      }
    } finally {
      batch.forEach(TFloat32::close);
    }
  }

  private List<String> outputNames() {
    return definition.outputs().stream().map(ModelOutput::name).toList();
  }

  /** The model's inputs, named after their Input layers ({@code input_layer} unless named). */
  @Override
  public List<TensorSpec> inputs() {
    return definition.inputs().stream()
        .map(in -> new TensorSpec(in.name(), in.dtype(), in.shape())).toList();
  }

  /** The model's outputs, {@code output_0}, {@code output_1}, ... as in Keras's exported SavedModels. */
  @Override
  public List<TensorSpec> outputs() {
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

  /** Keras's summary table. */
  public String summary() {
    return Summary.of(name(), definition.inputs(), layers());
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
