package io.tfbridge.callbacks;

import io.tfbridge.models.Model;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes TensorBoard logs, as Keras's {@code keras.callbacks.TensorBoard}: event files in
 * {@code log_dir/train} and {@code log_dir/validation}, written with TensorFlow's own summary ops.
 * At each epoch's end: {@code epoch_<figure>} of the training figures and
 * {@code epoch_learning_rate} in {@code train}, the validation figures as {@code epoch_<figure>} in
 * {@code validation}, at step {@code epoch}; after each validation or {@code evaluate},
 * {@code evaluation_<figure>_vs_iterations} in {@code validation} at the optimizer's step count.
 * With {@code update_freq} a number of batches, {@code batch_<figure>} every so many batches, at the
 * run's batch count (from 1). With {@code histogram_freq}, the weights' histograms
 * ({@code <model>/<layer>/<weight>/histogram}) every so many epochs; with {@code write_graph}, the
 * model's TensorFlow graph, once training has built it. Unlike Keras, the epoch and evaluation
 * figures are written whatever {@code update_freq} is (Keras skips them unless the batch count is a
 * multiple of it, TensorFlow issue 49109), and the model's graph is TensorFlow's graph, not Keras's
 * JSON config.
 *
 * <p>The files are open from {@code onTrainBegin} to {@code onTrainEnd} (for an {@code evaluate}
 * alone, from {@code onTestBegin} to {@code onTestEnd}). If {@code fit} throws they stay open until
 * the next {@code fit} or {@link #close()}: use the callback in a try-with-resources block.
 * As in Keras, only the chief of a multi-worker run writes ({@link Model#isChief()}): on the other
 * tasks the callback writes nothing.
 *
 * <pre>{@code
 * try (TensorBoard board = TensorBoard.of(logDir).histogramFreq(2).updateFreq(2)) {
 *   model.fit(x, y, FitOptions.epochs(3).batchSize(2).validationSplit(0.4).callbacks(board));
 * }
 * }</pre>
 */
public final class TensorBoard implements Callback, AutoCloseable {
  private final Path logDir;
  private final TensorBoardOptions options;
  private EventWriters writers;
  private boolean evaluating;
  private Model model;
  private long trainBatches;
  private long batchStart;
  private long epochStart;
  private long epochStartIterations;

  private TensorBoard(Path logDir, TensorBoardOptions options) {
    this.logDir = logDir;
    this.options = options;
  }

  /** Logs under {@code logDir} (Keras's {@code log_dir}), with Keras's defaults. */
  public static TensorBoard of(Path logDir) {
    Objects.requireNonNull(logDir, "log_dir");
    return new TensorBoard(logDir, TensorBoardOptions.DEFAULTS);
  }

  /** Keras's default {@code log_dir}: {@code logs}. */
  public static TensorBoard of() {
    return of(Path.of("logs"));
  }

  /** The log directory. */
  public Path logDir() {
    return logDir;
  }

  /** The options: {@code histogram_freq}, {@code update_freq}, ... */
  public TensorBoardOptions options() {
    return options;
  }

  /** Weight histograms every {@code epochs} epochs (Keras's {@code histogram_freq}); 0: none. */
  public TensorBoard histogramFreq(int epochs) {
    return new TensorBoard(logDir, options.histogramFreq(epochs));
  }

  /** Whether to write the model's graph (Keras's {@code write_graph}, default true). */
  public TensorBoard writeGraph(boolean write) {
    return new TensorBoard(logDir, options.writeGraph(write));
  }

  /** Keras's {@code write_images}: only {@code false}, images of weights are not supported. */
  public TensorBoard writeImages(boolean write) {
    return new TensorBoard(logDir, options.writeImages(write));
  }

  /** Whether to log the training steps per second (Keras's {@code write_steps_per_second}). */
  public TensorBoard writeStepsPerSecond(boolean write) {
    return new TensorBoard(logDir, options.writeStepsPerSecond(write));
  }

  /** Batch figures every {@code batches} training batches (Keras's integer {@code update_freq}). */
  public TensorBoard updateFreq(int batches) {
    return new TensorBoard(logDir, options.updateFreq(batches));
  }

  /** Keras's {@code update_freq} as {@code "epoch"} (the default) or {@code "batch"} (each). */
  public TensorBoard updateFreq(String freq) {
    return new TensorBoard(logDir, options.updateFreq(freq));
  }

  /** Keras's {@code profile_batch}: only 0, the profiler is not supported. */
  public TensorBoard profileBatch(int batch) {
    return new TensorBoard(logDir, options.profileBatch(batch));
  }

  /** Keras's {@code embeddings_freq}: only 0, the embedding projector is not supported. */
  public TensorBoard embeddingsFreq(int epochs) {
    return new TensorBoard(logDir, options.embeddingsFreq(epochs));
  }

  /** Whether event files are open (from the start of training to its end). */
  public boolean isOpen() {
    return writers != null;
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    close(); // a previous fit that threw left its files open
    trainBatches = 0;
    if (model.isChief()) { // Keras's rule: only the chief of a multi-worker run writes logs
      writers = new EventWriters(logDir);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    close();
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (options.writeStepsPerSecond()) {
      epochStart = System.nanoTime();
      epochStartIterations = model.graph().iterations();
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    trainBatches++;
    batchStart = System.nanoTime();
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (writers == null) {
      return;
    }
    if (options.writeGraph() && trainBatches == 1) {
      writers.graph("train", 0, model.graph().graphDef().toByteArray());
    }
    if (options.updateFreq() > 0 && trainBatches % options.updateFreq() == 0) {
      if (options.writeStepsPerSecond()) {
        writers.scalar("train", "batch_steps_per_second", trainBatches,
            1e9 / (System.nanoTime() - batchStart));
      }
      logs.forEach((name, value) -> writers.scalar("train", "batch_" + name, trainBatches, value));
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (writers == null) {
      return;
    }
    logs.forEach((name, value) -> {
      if (name.equals("learning_rate")) {
        return; // the optimizer's rate is written below, as Keras overrides a callback's
      }
      boolean validation = name.startsWith("val_");
      writers.scalar(validation ? "validation" : "train",
          "epoch_" + (validation ? name.substring(4) : name), epoch, value);
    });
    writers.scalar("train", "epoch_learning_rate", epoch, model.learningRate());
    if (options.writeStepsPerSecond()) {
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      writers.scalar("train", "epoch_steps_per_second", epoch,
          (model.graph().iterations() - epochStartIterations) / seconds);
    }
    if (options.histogramFreq() > 0 && epoch % options.histogramFreq() == 0) {
      writeHistograms(epoch);
    }
    writers.flush();
  }

  /** Keras's tags: the weight's path in the model, {@code sequential/dense/kernel/histogram}. */
  private void writeHistograms(int epoch) {
    model.weights().forEach((path, values) -> writers.histogram("train",
        model.name() + "/" + path.replace(':', '_') + "/histogram", epoch,
        HistogramBuckets.of(values)));
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    // evaluate() alone: files for this evaluation only (on the chief)
    evaluating = writers == null && model.isChief();
    if (evaluating) {
      writers = new EventWriters(logDir);
    }
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    if (writers == null) {
      return;
    }
    long iterations = model.graph().iterations();
    logs.forEach((name, value) -> writers.scalar("validation",
        "evaluation_" + name + "_vs_iterations", iterations, value));
    if (evaluating) {
      close();
    }
  }

  /** Flushes and closes the open event files, if any; a second call does nothing. */
  @Override
  public void close() {
    EventWriters open = writers;
    writers = null;
    evaluating = false;
    if (open != null) {
      open.close();
    }
  }

  @Override
  public String toString() {
    return "TensorBoard(log_dir=" + logDir + ", " + options + ")";
  }
}
