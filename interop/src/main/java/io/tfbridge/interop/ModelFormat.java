package io.tfbridge.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The model formats tfbridge reads and writes, told apart by the path: a directory (or a name
 * without a Keras extension) is a SavedModel, {@code .keras} a Keras 3 zip, {@code .h5} or
 * {@code .hdf5} a legacy Keras HDF5 file.
 *
 * <pre>{@code
 * ModelFormat.of(Path.of("iris.keras"));   // KERAS
 * ModelFormat.of(Path.of("export/iris"));  // SAVED_MODEL
 * }</pre>
 */
public enum ModelFormat {
  /** A TensorFlow SavedModel directory (or a TF Serving base directory of versions). */
  SAVED_MODEL("SavedModel"),
  /** A Keras 3 {@code .keras} file: a zip of config.json, metadata.json and model.weights.h5. */
  KERAS(".keras"),
  /** A legacy Keras {@code .h5} file: model_config and model_weights in HDF5. */
  H5(".h5");

  private final String label;

  ModelFormat(String label) {
    this.label = label;
  }

  /** The format a path names: by its extension, else (a directory or no extension) SavedModel. */
  public static ModelFormat of(Path path) {
    String name = path.getFileName() == null ? ""
        : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      return SAVED_MODEL;
    } else if (name.endsWith(".keras")) {
      return KERAS;
    } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return H5;
    }
    return SAVED_MODEL;
  }

  /** How messages name the format: {@code SavedModel}, {@code .keras}, {@code .h5}. */
  public String label() {
    return label;
  }
}
