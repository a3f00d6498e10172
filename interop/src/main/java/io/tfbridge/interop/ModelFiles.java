package io.tfbridge.interop;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.interop.savedmodel.ServingVersions;
import io.tfbridge.interop.savedmodel.UnsafeOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a model file as a {@link Predictor}, whatever its format, so a service swaps a
 * Python-trained model for a Java-trained one by changing a path:
 * <ul>
 *   <li>a SavedModel directory (or its {@code saved_model.pb}): its {@code serving_default}
 *       signature, through {@link SavedModels};
 *   <li>a TF Serving base directory ({@code base/1/}, {@code base/2/}): its highest version;
 *   <li>a Keras {@code .keras} or {@code .h5} file: the compiled {@link io.tfbridge.models.Model}
 *       it holds, through {@link KerasFiles}.
 * </ul>
 *
 * <pre>{@code
 * try (Predictor model = ModelFiles.open(Path.of("models/iris"))) {
 *   FloatNdArray probabilities = model.predict(features);
 * }
 * }</pre>
 */
public final class ModelFiles {
  private ModelFiles() {}

  /**
   * Opens {@code path}; the caller closes the predictor.
   *
   * @throws IllegalArgumentException if it does not exist or is none of the formats, naming it
   */
  public static Predictor open(Path path) {
    return open(path, UnsafeOps.Policy.REFUSE);
  }

  /**
   * {@link #open(Path)}, with a SavedModel's ops that reach outside the model ({@link UnsafeOps})
   * run only when {@code policy} allows them ({@code --allow_unsafe_ops}).
   *
   * @throws io.tfbridge.interop.savedmodel.UnsafeModelException for a SavedModel holding an unsafe
   *     op when {@code policy} refuses them
   */
  public static Predictor open(Path path, UnsafeOps.Policy policy) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("No model at " + path + ": no such file or directory");
    }
    if (Files.isDirectory(path) || isSavedModelPb(path)) {
      return SavedModels.load(savedModelDirectory(path), null, policy);
    }
    return switch (ModelFormat.of(path)) {
      case KERAS, H5 -> openKeras(path);
      case SAVED_MODEL -> throw new IllegalArgumentException(path + " is not a model file: "
          + "expected a SavedModel directory, a .keras or an .h5 file");
    };
  }

  /**
   * The SavedModel directory {@code path} stands for: itself, the directory of a
   * {@code saved_model.pb}, or a TF Serving base directory's highest version.
   *
   * @throws IllegalArgumentException if it is none of these
   */
  public static Path savedModelDirectory(Path path) {
    if (isSavedModelPb(path)) {
      return path.toAbsolutePath().getParent();
    }
    if (SavedModels.isSavedModel(path)) {
      return path;
    }
    Optional<Path> latest = ServingVersions.latest(path);
    return latest.orElseThrow(() -> new IllegalArgumentException(path + " is neither a SavedModel "
        + "directory (it holds no saved_model.pb) nor a TF Serving base directory (no numeric "
        + "version subdirectory holds one)"));
  }

  private static boolean isSavedModelPb(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().equals("saved_model.pb");
  }

  /** A compiled model, as {@link KerasFiles#load(Path)} reads it. */
  private static Predictor openKeras(Path path) {
    return KerasFiles.load(path);
  }
}
