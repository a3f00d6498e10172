package io.tfbridge.interop;

import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.savedmodel.SavedModelExport;
import io.tfbridge.interop.savedmodel.SavedModelImport;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Converts a model between the {@link ModelFormat}s, the destination's format read from its name
 * ({@code .keras}, {@code .h5}, else a SavedModel directory).
 *
 * <pre>{@code
 * ModelConverter.convert(Path.of("iris.keras"), Path.of("export/iris"));   // → SavedModel
 * ModelConverter.convert(Path.of("iris.h5"), Path.of("iris.keras"));        // legacy → Keras 3
 * }</pre>
 *
 * <p>Keras files convert through the Java model: {@link KerasFiles#load} then
 * {@link SavedModelExport#export} or {@link KerasFiles#save}, so what KerasFiles cannot load (an
 * unsupported layer, say) cannot be converted either.
 *
 * <p>A SavedModel that tfbridge exported converts back to {@code .keras} or {@code .h5}: it keeps
 * the model's Keras config.json and the names of its variables in {@code assets.extra/}
 * ({@link SavedModelExport}), so {@link SavedModelImport#load} rebuilds the model, reads the weights,
 * optimizer slots and iteration count from the SavedModel's variables, and {@link KerasFiles#save}
 * writes it. Other SavedModels (Keras's {@code model.export}, {@code tf.saved_model.save}) hold a
 * TensorFlow graph but no Keras architecture and are refused; convert the model's Keras file
 * instead, or run the SavedModel as it is. A SavedModel does not convert to another SavedModel
 * (copy the directory).
 *
 * <pre>{@code
 * ModelConverter.convert(Path.of("export/iris"), Path.of("iris.keras"));  // a tfbridge export → Keras
 * }</pre>
 */
public final class ModelConverter {
  private ModelConverter() {}

  /**
   * Converts {@code src} into the new file or directory {@code dst}.
   *
   * @throws IllegalArgumentException if {@code src} does not exist, {@code dst} does, or the
   *     conversion is not supported (a SavedModel to a SavedModel, or one without a Keras
   *     architecture to a Keras file), naming both; or if {@code src} cannot be read
   */
  public static void convert(Path src, Path dst) {
    if (!Files.exists(src)) {
      throw new IllegalArgumentException("No model at " + src + ": no such file or directory");
    }
    if (Files.exists(dst)) {
      throw new IllegalArgumentException(dst + " already exists; remove it or choose another name");
    }
    ModelFormat from = ModelFormat.of(src);
    ModelFormat to = ModelFormat.of(dst);
    switch (from) {
      case SAVED_MODEL -> fromSavedModel(src, dst, to);
      case KERAS, H5 -> {
        if (to == ModelFormat.SAVED_MODEL) {
          kerasToSavedModel(src, dst);
        } else {
          kerasToKeras(src, dst);
        }
      }
    }
  }

  private static void fromSavedModel(Path src, Path dst, ModelFormat to) {
    if (to == ModelFormat.SAVED_MODEL) {
      throw new IllegalArgumentException(src + " is already a SavedModel; copy the directory "
          + "instead (give the destination a .keras or .h5 name to convert)");
    }
    if (SavedModels.isSavedModel(src) && !SavedModelImport.holdsKerasModel(src)) {
      throw new IllegalArgumentException("Cannot convert SavedModel " + src + " to " + to.label()
          + ": it holds a TensorFlow graph but no Keras architecture (no "
          + SavedModelImport.KERAS_CONFIG + ", which only tfbridge's exports have; Keras's "
          + "model.export and tf.saved_model.save write none). Convert the model's .keras or .h5 "
          + "file instead, or run this SavedModel as it is with `tfbridge predict` "
          + "(SavedModels.load).");
    }
    try (Model model = SavedModelImport.load(src)) {
      KerasFiles.save(model, dst);
    }
  }

  /**
   * Saves a compiled model in the format {@code dst}'s name says: {@code .keras}, {@code .h5}, or a
   * SavedModel directory for any other name.
   *
   * @throws IllegalArgumentException if {@code dst} exists, or the model cannot be written so
   */
  public static void save(Model model, Path dst) {
    if (Files.exists(dst)) {
      throw new IllegalArgumentException(dst + " already exists; remove it or choose another name");
    }
    if (ModelFormat.of(dst) == ModelFormat.SAVED_MODEL) {
      SavedModelExport.export(model, dst);
    } else {
      KerasFiles.save(model, dst);
    }
  }

  /** A Keras file → SavedModel: the loaded model, exported with its serving_default signature. */
  static void kerasToSavedModel(Path src, Path dst) {
    try (Model model = KerasFiles.load(src)) {
      SavedModelExport.export(model, dst);
    }
  }

  /** A Keras file → the other Keras format ({@code .keras} ↔ {@code .h5}), or the same one. */
  static void kerasToKeras(Path src, Path dst) {
    try (Model model = KerasFiles.load(src)) {
      KerasFiles.save(model, dst);
    }
  }
}
