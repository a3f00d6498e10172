package io.tfbridge.interop.callbacks;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.Monitor;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Keras's {@code keras.callbacks.ModelCheckpoint}: saves the model (or its weights) at each
 * epoch's end or every {@code save_freq} batches, every time or only when the monitored figure
 * improves ({@code save_best_only}). The file path may hold Python format placeholders filled with
 * the epoch (from 1), the batch (from 1, when saving every n batches) and the logs' figures:
 * {@code "ckpt-{epoch:02d}-{val_loss:.2f}.keras"}. A full model goes to {@code .keras} or
 * {@code .h5} ({@link KerasFiles#save}), weights and optimizer state to {@code .weights.h5}
 * ({@link KerasFiles#saveWeights}); only the chief of a multi-worker run saves
 * ({@link io.tfbridge.models.Model#isChief()}); both are written atomically, so a crash mid-save leaves the
 * previous checkpoint intact.
 *
 * <pre>{@code
 * ModelCheckpoint best = ModelCheckpoint.of(dir + "/best-{epoch:02d}.keras")
 *     .monitor("val_loss").saveBestOnly(true).verbose(1);
 * model.fit(x, y, FitOptions.epochs(10).validationData(xVal, yVal).callbacks(best));
 * }</pre>
 */
public final class ModelCheckpoint implements Callback {
  private static final System.Logger LOG = System.getLogger(ModelCheckpoint.class.getName());
  private static final String NAME = "ModelCheckpoint";

  private PathTemplate filepath;
  private String monitorName = "val_loss";
  private String mode = "auto";
  private int verbose;
  private boolean saveBestOnly;
  private boolean saveWeightsOnly;
  private int saveFreq;
  private Double initialValueThreshold;
  private PrintStream out = System.out;

  private Monitor monitor;
  private SaveFrequency frequency;
  private Model model;
  private Double best;
  private int currentEpoch;

  private ModelCheckpoint(String filepath) {
    this.filepath = PathTemplate.of(filepath);
  }

  /**
   * A checkpoint saving the whole model to {@code filepath} at each epoch's end (Keras's defaults:
   * monitor {@code val_loss}, mode auto, verbose 0, every epoch, not only the best).
   *
   * @throws IllegalArgumentException if {@code filepath} does not end in {@code .keras} or
   *     {@code .h5}, or holds an invalid placeholder
   */
  public static ModelCheckpoint of(String filepath) {
    return new ModelCheckpoint(filepath).checked();
  }

  /** The figure {@code save_best_only} compares (Keras's {@code monitor}); {@code val_loss} by default. */
  public ModelCheckpoint monitor(String monitor) {
    return copy(c -> c.monitorName = monitor);
  }

  /** {@code auto}, {@code min} or {@code max}: which way the monitored figure improves. */
  public ModelCheckpoint mode(String mode) {
    return copy(c -> c.mode = mode);
  }

  /** 0 silent, 1 a message at each save or skipped save, as Keras prints them. */
  public ModelCheckpoint verbose(int verbose) {
    return copy(c -> c.verbose = verbose);
  }

  /** Save only when the monitored figure improves on the best so far. */
  public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
    return copy(c -> c.saveBestOnly = saveBestOnly);
  }

  /** Save the weights and optimizer state only ({@code model.save_weights}); needs {@code .weights.h5}. */
  public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
    return copy(c -> c.saveWeightsOnly = saveWeightsOnly);
  }

  /**
   * {@code "epoch"}: save at each epoch's end (the default).
   *
   * @throws IllegalArgumentException for any other text
   */
  public ModelCheckpoint saveFreq(String saveFreq) {
    if (!"epoch".equals(saveFreq)) {
      throw new IllegalArgumentException("Unrecognized save_freq: " + saveFreq + ". Expected "
          + "save_freq are 'epoch' or integer values");
    }
    return copy(c -> c.saveFreq = 0);
  }

  /**
   * Save every {@code batches} training batches (counted across epochs) instead of at epoch ends.
   *
   * @throws IllegalArgumentException unless {@code batches >= 1}
   */
  public ModelCheckpoint saveFreq(int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("Unrecognized save_freq: " + batches + ". Expected "
          + "save_freq are 'epoch' or integer values >= 1");
    }
    return copy(c -> c.saveFreq = batches);
  }

  /** The "best" value to beat before the first save when {@code save_best_only}. */
  public ModelCheckpoint initialValueThreshold(double threshold) {
    return copy(c -> c.initialValueThreshold = threshold);
  }

  /** Where the verbose messages go (standard output by default). */
  ModelCheckpoint out(PrintStream stream) {
    return copy(c -> c.out = stream);
  }

  private ModelCheckpoint copy(Consumer<ModelCheckpoint> change) {
    ModelCheckpoint c = new ModelCheckpoint(filepath.template());
    c.monitorName = monitorName;
    c.mode = mode;
    c.verbose = verbose;
    c.saveBestOnly = saveBestOnly;
    c.saveWeightsOnly = saveWeightsOnly;
    c.saveFreq = saveFreq;
    c.initialValueThreshold = initialValueThreshold;
    c.out = out;
    change.accept(c);
    return c.checked();
  }

  private ModelCheckpoint checked() {
    String path = filepath.template();
    if (saveWeightsOnly && !path.endsWith(".weights.h5")) {
      throw new IllegalArgumentException("When using `save_weights_only=True` in `ModelCheckpoint`, "
          + "the filepath provided must end in `.weights.h5` (Keras weights format). Received: "
          + "filepath=" + path);
    }
    if (!saveWeightsOnly && !path.endsWith(".keras") && !path.endsWith(".h5")) {
      throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model "
          + "format). Received: filepath=" + path);
    }
    if (verbose < 0) {
      throw new IllegalArgumentException("ModelCheckpoint: `verbose` must be 0 or 1. Received: "
          + "verbose=" + verbose);
    }
    monitor = Monitor.of(NAME, monitorName, mode, 0);
    frequency = new SaveFrequency(saveFreq);
    best = initialValueThreshold;
    return this;
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
    if (saveBestOnly) {
      monitor.setModel(model);
    }
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (frequency.batchEnded(batch)) {
      save(currentEpoch, batch, logs);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (frequency.perEpoch()) {
      save(epoch, -1, logs);
    }
  }

  /** Saves if it should, {@code batch} -1 at an epoch's end. */
  private void save(int epoch, int batch, Map<String, Double> logs) {
    if (model == null) {
      throw new IllegalStateException("ModelCheckpoint: no model; fit calls setModel first");
    }
    if (!model.isChief()) {
      return; // Keras's rule: only the chief of a multi-worker run saves
    }
    String file = filepath.format(values(epoch, batch, logs));
    if (shouldSave(epoch, logs, file)) {
      write(Path.of(file));
      if (verbose > 0) {
        out.println("\nEpoch " + (epoch + 1) + ": finished saving model to " + file);
      }
    }
  }

  /** What the placeholders can name: epoch and batch (from 1), then the logs' figures. */
  private static Map<String, Number> values(int epoch, int batch, Map<String, Double> logs) {
    Map<String, Number> values = new LinkedHashMap<>();
    values.put("epoch", epoch + 1);
    if (batch >= 0 && !logs.containsKey("batch")) {
      values.put("batch", batch + 1);
    }
    values.putAll(logs);
    return values;
  }

  private boolean shouldSave(int epoch, Map<String, Double> logs, String file) {
    if (!saveBestOnly) {
      say("\nEpoch " + (epoch + 1) + ": saving model to " + file);
      return true;
    }
    OptionalDouble current = monitor.value(logs);
    if (current.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "Can save best model only with " + monitorName
          + " available.");
      return true;
    }
    String bestText = best == null ? "None" : fixed5(best);
    if (monitor.isImprovement(current.getAsDouble(), best)) {
      say("\nEpoch " + (epoch + 1) + ": " + monitorName + " improved from " + bestText + " to "
          + fixed5(current.getAsDouble()) + ", saving model to " + file);
      best = current.getAsDouble();
      return true;
    }
    say("\nEpoch " + (epoch + 1) + ": " + monitorName + " did not improve from " + bestText);
    return false;
  }

  private void write(Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("Please specify a non-directory filepath for "
          + "ModelCheckpoint. Filepath used is an existing directory: " + file);
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("ModelCheckpoint: could not create the directory of " + file, e);
    }
    if (saveWeightsOnly) {
      KerasFiles.saveWeights(model, file);
    } else {
      KerasFiles.save(model, file);
    }
  }

  private void say(String message) {
    if (verbose > 0) {
      out.println(message);
    }
  }

  private static String fixed5(double value) {
    return FormatSpec.parse(".5f").format(value);
  }

  /** The best monitored value so far (Keras's {@code best}), or empty before the first. */
  public OptionalDouble best() {
    return best == null ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ModelCheckpoint(filepath=%s, monitor=%s, save_best_only=%s, "
        + "save_weights_only=%s, mode=%s, save_freq=%s)", filepath.template(), monitorName,
        saveBestOnly, saveWeightsOnly, mode, frequency);
  }
}
