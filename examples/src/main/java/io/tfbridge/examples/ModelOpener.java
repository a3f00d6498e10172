package io.tfbridge.examples;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the model a command names, on the signature {@code --signature} chooses. */
final class ModelOpener {
  private ModelOpener() {}

  /**
   * Opens {@code path}; with a signature, that signature of a SavedModel.
   *
   * @throws picocli.CommandLine.ParameterException if a signature is given for a Keras file
   */
  static Predictor open(CommandSpec spec, Path path, String signature) {
    Predictor model = ModelFiles.open(path);
    if (signature == null) {
      return model;
    }
    try (model) {
      if (model instanceof SavedModelPredictor savedModel) {
        return savedModel.signature(signature);
      }
      throw NamedFile.usage(spec, "--signature applies to SavedModels; " + path + " is a "
          + "Keras file");
    }
  }
}
