package io.tfbridge.examples;

import io.tfbridge.interop.ModelConverter;
import io.tfbridge.interop.ModelFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tfbridge convert SRC DST}: converts a model between {@code .keras}, {@code .h5} and
 * SavedModel, DST's format read from its name (no Keras extension: a SavedModel directory).
 *
 * <pre>
 * tfbridge convert iris.keras export/iris      # Keras file to SavedModel
 * tfbridge convert iris.h5 iris.keras          # legacy HDF5 to Keras 3
 * tfbridge convert export/iris iris.keras      # a SavedModel tfbridge exported back to Keras
 * </pre>
 *
 * <p>Only SavedModels tfbridge exported convert to Keras files; one from Keras's
 * {@code model.export} or {@code tf.saved_model.save} holds no Keras architecture and is refused.
 */
@Command(name = "convert", description = "Convert a model between .keras, .h5 and SavedModel "
    + "(DST's format from its name).")
final class ConvertCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Parameters(index = "0", paramLabel = "SRC", description = "The model to convert.")
  Path source;

  @Parameters(index = "1", paramLabel = "DST",
      description = "The new file (.keras, .h5) or SavedModel directory (any other name).")
  Path destination;

  /** Creates the command; picocli fills it in. */
  ConvertCommand() {}

  @Override
  public Integer call() {
    ModelConverter.convert(source, destination);
    cli.out().println("Converted " + source + " (" + ModelFormat.of(source).label() + ") to "
        + destination + " (" + ModelFormat.of(destination).label() + ")");
    return Cli.OK;
  }
}
