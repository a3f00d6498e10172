package io.tfbridge.interop.savedmodel;

import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;

/**
 * Exports a Java-trained model as a SavedModel with a {@code serving_default} signature whose input is
 * named after the model's Input layer and whose output is {@code output_0}, as Keras's
 * {@code model.export} names them. Python loads it with {@code tf.saved_model.load} and
 * {@code keras.layers.TFSMLayer}; TF Serving loads {@link #exportForServing}'s {@code base/1/} layout.
 *
 * <p>Beside the graph it keeps what TensorFlow ignores but tfbridge needs to turn the SavedModel back
 * into a Keras model ({@link SavedModelImport}, {@code tfbridge convert export/iris iris.keras}):
 * {@code assets.extra/keras_config.json}, the config.json a {@code .keras} file of the model holds
 * (architecture and compile_config), and {@code assets.extra/keras_variables.json}, the graph op name
 * of each weight, optimizer slot and the step counter by Keras path (TensorFlow makes scope names
 * unique, so {@code dense/bias} may be op {@code dense_1/bias}). TF Serving,
 * {@code tf.saved_model.load} and TFSMLayer ignore {@code assets.extra/}.
 *
 * <pre>{@code
 * SavedModelExport.export(model, Path.of("iris_savedmodel"));
 * }</pre>
 */
public final class SavedModelExport {
  /** The signature key TF Serving and Keras use by default. */
  public static final String SERVING_DEFAULT = "serving_default";
  private static final System.Logger LOG = System.getLogger(SavedModelExport.class.getName());

  private SavedModelExport() {}

  /**
   * Writes {@code model} to the new directory {@code dir}. The SavedModel is written beside it first
   * and moved into place, so a failure leaves no half-written directory.
   *
   * @throws IllegalArgumentException if {@code dir} exists and is not an empty directory
   * @throws UncheckedIOException if writing fails
   */
  public static void export(Model model, Path dir) {
    Path target = dir.toAbsolutePath();
    requireAbsentOrEmpty(target);
    Path staging = target.resolveSibling("." + target.getFileName() + ".tmp-" + System.nanoTime());
    try {
      Files.createDirectories(target.getParent());
      List<String> inputs = model.inputs().stream().map(TensorSpec::name).toList();
      TensorSpec output = model.outputs().get(0);
      model.graph().export(SavedModelBundle.exporter(staging.toString()), SERVING_DEFAULT,
          inputs, output.name());
      writeKerasModel(model, staging);
      Files.deleteIfExists(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not export model '" + model.name() + "' to " + dir, e);
    } finally {
      deleteRecursively(staging);
    }
  }

  /**
   * Writes the files that let {@link SavedModelImport} rebuild the Keras model: its config.json and
   * each variable's graph op name. A model Keras files cannot describe gets neither; its SavedModel
   * serves as usual but converts to no Keras file.
   */
  private static void writeKerasModel(Model model, Path savedModel) throws IOException {
    String config;
    try {
      config = KerasFiles.configJson(model);
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "SavedModel of ''{0}'' holds no Keras architecture, so "
          + "it will not convert to a Keras file: {1}", model.name(), e.getMessage());
      return;
    }
    Path file = savedModel.resolve(SavedModelImport.KERAS_CONFIG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, config, StandardCharsets.UTF_8);
    Files.writeString(savedModel.resolve(SavedModelImport.KERAS_VARIABLES),
        SavedModelImport.variablesJson(model), StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code model} in TF Serving's layout, {@code base/<version>/}.
   *
   * @return the version directory
   */
  public static Path exportForServing(Model model, Path base, long version) {
    if (version <= 0) {
      throw new IllegalArgumentException("A TF Serving version must be positive, found " + version);
    }
    Path dir = base.resolve(Long.toString(version));
    export(model, dir);
    return dir;
  }

  private static void requireAbsentOrEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.isDirectory(dir) ? Files.list(dir) : null) {
      if (entries == null || entries.findAny().isPresent()) {
        throw new IllegalArgumentException("Will not export over " + dir
            + ": it exists and is not an empty directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
