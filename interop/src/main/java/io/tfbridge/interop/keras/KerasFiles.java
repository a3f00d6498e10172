package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.layers.KerasLayers;
import io.tfbridge.losses.Loss;
import io.tfbridge.metrics.Metrics;
import io.tfbridge.models.Model;
import io.tfbridge.models.ModelSpec;
import io.tfbridge.optimizers.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Keras model files, both ways: Keras 3 {@code .keras} (a zip of config.json, metadata.json and
 * model.weights.h5) and legacy {@code .h5} (HDF5 with model_config/training_config attributes and a
 * model_weights group). Sequential and functional models of the DSL's layers ({@link #supportedLayers()}; a
 * BatchNormalization's moving statistics included) load with their weights and optimizer state and train
 * further; Java models save so that Python's {@code keras.models.load_model} loads, predicts and
 * trains them further.
 *
 * <pre>{@code
 * try (Model model = KerasFiles.load(Path.of("iris.keras"))) {     // compiled as in Python
 *   float[][] probabilities = model.predict(xTest);
 *   model.fit(xMore, yMore, FitOptions.epochs(5));                  // continues from the file's Adam state
 *   KerasFiles.save(model, Path.of("iris-tuned.keras"));            // or "iris-tuned.h5"
 * }
 * ModelSpec spec = KerasFiles.readSpec(Path.of("iris.h5"));        // the architecture only
 * System.out.print(spec.summary());
 * }</pre>
 *
 * <p>Every failure is a {@link KerasFileException} naming the file and the problem: a truncated or
 * corrupt file, a missing part, a shared layer or several outputs, an unsupported layer, option, initializer,
 * activation, loss or optimizer, weights whose shapes disagree with the config, or (writing legacy
 * .h5) a config over jhdf's attribute limit.
 */
public final class KerasFiles {
  /** The Keras layer classes tfbridge reads and writes (those registered in {@link KerasLayers}). */
  public static List<String> supportedLayers() {
    return KerasLayers.known();
  }

  private KerasFiles() {}

  /**
   * Loads a {@code .keras} or legacy {@code .h5} model (the format is read from the file's first
   * bytes), compiled as the file says: its optimizer (Adam or SGD with their options), loss and
   * supported metrics, with the optimizer's state (slots and iteration count) restored. A model saved
   * uncompiled is compiled with Adam (Keras's defaults) and mean_squared_error; a compile config
   * without a loss gets mean_squared_error, one without an optimizer Adam.
   *
   * @return a compiled model the caller closes
   * @throws KerasFileException if the file cannot be read or describes what tfbridge cannot build
   */
  public static Model load(Path file) {
    return guarded(file, () -> {
      try (ModelFile read = KerasModelReader.read(file)) {
        return KerasModelLoader.load(read, null);
      }
    });
  }

  /**
   * Loads a model's architecture and weights and compiles it with the given optimizer, loss and
   * metrics instead of the file's; the optimizer starts fresh, as after a new {@code compile} in
   * Keras.
   *
   * <pre>{@code
   * Model model = KerasFiles.load(path, SGD.of().learningRate(0.01), Losses.get("mse"));
   * }</pre>
   *
   * @throws KerasFileException if the file cannot be read or describes what tfbridge cannot build
   */
  public static Model load(Path file, Optimizer optimizer, Loss loss, String... metrics) {
    CompileConfigs.CompileSpec compile = new CompileConfigs.CompileSpec(optimizer, loss,
        java.util.Arrays.stream(metrics).map(Metrics::get).toList());
    return guarded(file, () -> {
      try (ModelFile read = KerasModelReader.read(file)) {
        return KerasModelLoader.load(read, compile);
      }
    });
  }

  /**
   * The model spec (Sequential or Functional) of a {@code .keras} or legacy {@code .h5} file, layers named as in the file;
   * nothing native is created.
   *
   * @throws KerasFileException if the file cannot be read or describes what tfbridge cannot build
   */
  public static ModelSpec readSpec(Path file) {
    return guarded(file, () -> KerasModelReader.readSpec(file));
  }

  /**
   * Saves a compiled model: a name ending in {@code .keras} writes Keras 3's zip, {@code .h5} (or
   * {@code .hdf5}) the legacy HDF5 format. Weights, compile settings and the optimizer's state are
   * written as Keras 3.15 writes them. The file appears whole or not at all, even if the process is
   * killed mid-save: it is written to a temporary file beside it, flushed to disk and renamed over
   * the target ({@link io.tfbridge.interop.AtomicFiles}).
   *
   * @throws KerasFileException for another extension, a legacy .h5 whose config exceeds jhdf's
   *     59,546-byte attribute limit, or an I/O failure
   */
  public static void save(Model model, Path file) {
    guarded(file, () -> {
      KerasModelWriter.write(model, file);
      return null;
    });
  }

  /**
   * Saves a compiled model's weights and optimizer state as Keras's {@code model.save_weights} does:
   * a {@code .weights.h5} file (the {@code model.weights.h5} of a {@code .keras} file) that
   * {@link #loadWeights} and Python's {@code model.load_weights} read. Written atomically, as
   * {@link #save}.
   *
   * <pre>{@code
   * KerasFiles.saveWeights(model, Path.of("iris.weights.h5"));
   * KerasFiles.loadWeights(sameArchitecture, Path.of("iris.weights.h5"));
   * }</pre>
   *
   * @throws KerasFileException if the name does not end in {@code .weights.h5}, or an I/O failure
   */
  public static void saveWeights(Model model, Path file) {
    guarded(file, () -> {
      if (!file.getFileName().toString().endsWith(".weights.h5")) {
        throw new IllegalArgumentException("The filename must end in `.weights.h5`. Received: "
            + "filepath=" + file);
      }
      KerasModelWriter.writeWeights(model, file);
      return null;
    });
  }

  /**
   * Loads weights into an existing compiled model, as Keras's {@code model.load_weights}: from a
   * {@code .weights.h5} file ({@link #saveWeights}), or from a {@code .keras} or legacy {@code .h5}
   * model file (the format is read from the file's first bytes). The optimizer's state (slots,
   * iteration count, learning rate) is restored too when the file holds it, so training resumes
   * where it stopped.
   *
   * @throws KerasFileException if the file cannot be read or its layers, weights or optimizer state
   *     do not match the model's
   */
  public static void loadWeights(Model model, Path file) {
    guarded(file, () -> {
      KerasWeightsLoader.load(model, file);
      return null;
    });
  }

  /**
   * The config.json a {@code .keras} file of {@code model} would hold: the architecture and its
   * compile_config, as Keras 3.15 writes them. {@link io.tfbridge.interop.savedmodel.SavedModelExport}
   * stores it in the SavedModel (as {@code assets.extra/keras_config.json}) so that the SavedModel
   * converts back to Keras files.
   *
   * @throws IllegalArgumentException if the model has a layer, option or optimizer Keras files
   *     cannot describe
   * @see #fromConfig
   */
  public static String configJson(Model model) {
    return Json.write(KerasConfigWriter.modelConfig(model.definition()));
  }

  /**
   * Builds and compiles the model a config.json ({@link #configJson}) describes, compiled as its
   * compile_config says (defaults as for {@link #load(Path)}); its weights are freshly initialised,
   * for the caller to set with {@code model.graph().setWeights}.
   *
   * @param source where the JSON came from, named in errors
   * @return a compiled model the caller closes
   * @throws KerasFileException naming {@code source} if the JSON is invalid or describes what
   *     tfbridge cannot build
   */
  public static Model fromConfig(String configJson, Path source) {
    return guarded(source, () -> {
      JsonNode config = Json.parse(configJson, source.toString());
      ModelSpec spec = KerasConfigReader.read(config);
      CompileConfigs.CompileSpec compile = CompileConfigs.read(config.get("compile_config"),
          "optimizer").orElseGet(CompileConfigs::defaults);
      return compile.compile(spec);
    });
  }

  private interface Action<T> {
    T run() throws IOException;
  }

  private static <T> T guarded(Path file, Action<T> action) {
    try {
      return action.run();
    } catch (KerasFileException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new KerasFileException(file, "no such file or directory" + (e.getFile() == null
          || e.getFile().equals(file.toString()) ? "" : ": " + e.getFile()), e);
    } catch (IOException e) {
      throw new KerasFileException(file, e.toString(), e);
    } catch (UncheckedIOException e) {
      throw new KerasFileException(file, e.getCause().toString(), e);
    } catch (IllegalArgumentException e) {
      throw new KerasFileException(file, e.getMessage(), e);
    }
  }
}
