package io.tfbridge.interop.keras;

import io.jhdf.HdfFile;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a file's weights and optimizer state into an existing compiled model, as Keras's
 * {@code model.load_weights}: a weights-only {@code .weights.h5} file (what {@code save_weights}
 * writes), or the weights of a {@code .keras} or legacy {@code .h5} model file. The file's layers
 * must match the model's in order, number and shapes of weights.
 */
final class KerasWeightsLoader {
  private KerasWeightsLoader() {}

  /** Sets {@code model}'s weights (and optimizer state, if the file has it) from {@code file}. */
  static void load(Model model, Path file) throws IOException {
    if (KerasFormat.detect(file) == KerasFormat.LEGACY_H5 && !isModelFile(file)) {
      try (HdfFile hdf = H5.reading(file.getFileName().toString(), () -> new HdfFile(file))) {
        apply(model, WeightsH5Reader.read(hdf, model.layers()));
      }
      return;
    }
    try (ModelFile read = KerasModelReader.read(file)) {
      apply(model, read.state());
    }
  }

  /** Whether an HDF5 file is a legacy model file (it has a model config) rather than weights only. */
  private static boolean isModelFile(Path file) {
    try (HdfFile hdf = H5.reading("", () -> new HdfFile(file))) {
      return H5.string(hdf, "model_config").isPresent();
    }
  }

  /** Reads every array (while the file is open) and sets them, the optimizer state last. */
  private static void apply(Model model, SavedState state) {
    Map<String, float[]> values = new LinkedHashMap<>();
    KerasModelLoader.checkedArrays(model.layers(), state.layers())
        .forEach((path, array) -> values.put(path, array.values()));
    model.graph().setWeights(values);
    state.optimizer().ifPresent(saved -> OptimizerState.restore(model, saved));
  }
}
