package io.tfbridge.examples;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import io.tfbridge.interop.savedmodel.UnsafeOps;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the model a command names, on the signature {@code --signature} chooses. */
final class ModelOpener {
  private ModelOpener() {}

  /**
   * Opens {@code path}; with a signature, that signature of a SavedModel. A SavedModel holding ops
   * that reach outside the model is refused unless {@code allowUnsafeOps}.
   *
   * @throws picocli.CommandLine.ParameterException if a signature is given for a Keras file
   */
  static Predictor open(CommandSpec spec, Path path, String signature, boolean allowUnsafeOps) {
    Predictor model = ModelFiles.open(path, policy(allowUnsafeOps));
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

  /** The policy {@code --allow_unsafe_ops} asks for. */
  static UnsafeOps.Policy policy(boolean allowUnsafeOps) {
    return allowUnsafeOps ? UnsafeOps.Policy.ALLOW : UnsafeOps.Policy.REFUSE;
  }

  /** The help text of {@code --allow_unsafe_ops}. */
  static final String ALLOW_UNSAFE_HELP = "Load a SavedModel even if its graph holds ops that "
      + "reach outside the model (files, network, process: WriteFile, ReadFile, PyFunc, ...). "
      + "Only for models you trust.";
}
