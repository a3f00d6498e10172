package io.tfbridge.interop.savedmodel;

import io.tfbridge.inference.TensorSpec;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <pre>{@code
 * SavedModelExport.export(model, Path.of("iris_savedmodel"));
 * }</pre>
 */
public final class SavedModelExport {
  /** The signature key TF Serving and Keras use by default. */
  public static final String SERVING_DEFAULT = "serving_default";

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
      model.graph().addTo(SavedModelBundle.exporter(staging.toString()), SERVING_DEFAULT,
          inputs, output.name()).export();
      Files.deleteIfExists(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not export model '" + model.name() + "' to " + dir, e);
    } finally {
      deleteRecursively(staging);
    }
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
