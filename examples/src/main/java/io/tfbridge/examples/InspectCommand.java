package io.tfbridge.examples;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import io.tfbridge.interop.ModelFormat;
import io.tfbridge.interop.savedmodel.SavedModelSignature;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.models.Model;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tfbridge inspect PATH}: a SavedModel's signatures (read from {@code saved_model.pb}
 * without loading it), or a Keras file's inputs, outputs and summary.
 *
 * <pre>
 * $ tfbridge inspect iris_savedmodel
 * SavedModel iris_savedmodel
 * signature 'serving_default' (tensorflow/serving/predict)
 *   input  keras_tensor: float32 (None, 4)
 *   output output_0: float32 (None, 3)
 * </pre>
 */
@Command(name = "inspect",
    description = "Print a model's signatures (SavedModel) or inputs, outputs and layers (Keras).")
final class InspectCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Parameters(index = "0", paramLabel = "PATH", description = "A SavedModel directory (or a TF "
      + "Serving base directory of versions), a .keras or an .h5 file.")
  Path path;

  /** Creates the command; picocli fills it in. */
  InspectCommand() {}

  @Override
  public Integer call() {
    if (ModelFormat.of(path) == ModelFormat.SAVED_MODEL && Files.exists(path)) {
      printSavedModel(cli.out(), ModelFiles.savedModelDirectory(path));
    } else {
      printModel(cli.out());
    }
    return Cli.OK;
  }

  private static void printSavedModel(PrintStream out, Path dir) {
    out.println("SavedModel " + dir);
    for (SavedModelSignature signature : SavedModels.signatures(dir)) {
      out.print(signature.describe());
    }
  }

  private void printModel(PrintStream out) {
    try (Predictor model = ModelFiles.open(path)) {
      out.println("Model " + path);
      model.inputs().forEach(s -> out.println("  input  " + s));
      model.outputs().forEach(s -> out.println("  output " + s));
      if (model instanceof Model keras) {
        out.print(keras.summary());
      }
    }
  }

}
