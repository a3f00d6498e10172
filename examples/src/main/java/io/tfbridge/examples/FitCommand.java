package io.tfbridge.examples;

import io.tfbridge.data.HostArrays;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.ModelConverter;
import io.tfbridge.interop.ModelFormat;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.npy.NpyFiles;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge fit MODEL --x X.npy --y Y.npy --epochs N --output OUT}: trains a Keras model file
 * (compiled as its compile config says, optimizer state included) on {@code .npy} arrays and saves
 * the trained model in the format OUT's name says, so a Python-defined model trains on the JVM
 * without a line of Java.
 *
 * <pre>
 * tfbridge fit model.keras --x x.npy --y y.npy --epochs 5 --batch-size 32 --output trained.keras
 * tfbridge fit two_in.keras --x a=xa.npy --x b=xb.npy --y out_a=ya.npy --y out_b=yb.npy -o t.h5
 * </pre>
 */
@Command(name = "fit", description = "Train a .keras or .h5 model file on .npy arrays; save the "
    + "trained model (.keras, .h5, or a SavedModel directory).")
final class FitCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A .keras or .h5 model file; it "
      + "trains with the optimizer, loss and metrics it was compiled with.")
  Path model;

  @Option(names = "--x", required = true, paramLabel = "[NAME=]FILE.npy",
      description = "Inputs; name each one (by input name) if the model has several.")
  List<String> xs;

  @Option(names = "--y", required = true, paramLabel = "[NAME=]FILE.npy",
      description = "Targets; name each one (by output layer name) if the model has several outputs.")
  List<String> ys;

  @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 1;

  @Option(names = "--batch-size", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--no-shuffle", description = "Keep the samples' order in every epoch.")
  boolean noShuffle;

  @Option(names = "--validation-split", paramLabel = "F",
      description = "Validate on the last fraction F of the samples (default: ${DEFAULT-VALUE}).")
  double validationSplit;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Where to save the trained model: .keras, .h5, or a SavedModel directory.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the epoch lines.")
  boolean quiet;

  @Mixin
  PlotOption plot;

  /** Creates the command; picocli fills it in. */
  FitCommand() {}

  @Override
  public Integer call() throws IOException {
    LessonCommand.requirePositive(spec, "--epochs", epochs, 1);
    LessonCommand.requirePositive(spec, "--batch-size", batchSize, 1);
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw NamedFile.usage(spec, "--validation-split must be in [0, 1), found " + validationSplit);
    }
    if (Files.exists(output)) {
      throw NamedFile.usage(spec, output + " already exists; remove it or choose another --output");
    }
    List<NamedFile> inputs = NamedFile.parseAll(spec, "--x", xs);
    List<NamedFile> targets = NamedFile.parseAll(spec, "--y", ys);
    try (Model m = KerasFiles.load(model)) {
      List<FloatNdArray> x = arrays(NamedFile.bind(spec, "--x", inputs, names(m.inputs()), "input"),
          m.inputs(), "--x");
      List<String> outputNames = m.definition().outputs().stream().map(o -> o.name()).toList();
      List<FloatNdArray> y = targets(NamedFile.bind(spec, "--y", targets, outputNames, "output"),
          outputNames);
      FitOptions options = FitOptions.epochs(epochs).batchSize(batchSize).shuffle(!noShuffle)
          .validationSplit(validationSplit);
      LessonConsole console = plot.on(new LessonConsole(cli.out(), !quiet), spec);
      console.plot(m.fit(x, y, console.progress(options)), "fit " + model.getFileName());
      ModelConverter.save(m, output);
      cli.out().println("Saved the trained model to " + output + " (" + ModelFormat.of(output).label()
          + ")");
    }
    return Cli.OK;
  }

  /** The arrays of the model's inputs, in input order, as floats (integer files for integer inputs). */
  private List<FloatNdArray> arrays(List<NamedFile> files, List<TensorSpec> specs, String option)
      throws IOException {
    List<FloatNdArray> out = new ArrayList<>();
    for (TensorSpec s : specs) {
      NamedFile f = find(files, s.name(), option);
      out.add(HostArrays.asFloats(NpyFiles.read(f.file()), s));
    }
    return out;
  }

  private List<FloatNdArray> targets(List<NamedFile> files, List<String> names) throws IOException {
    List<FloatNdArray> out = new ArrayList<>();
    for (String name : names) {
      NdArray<?> y = NpyFiles.read(find(files, name, "--y").file());
      out.add(HostArrays.numbersAsFloats(y, "Targets '" + name + "'")); // class ids may be integers
    }
    return out;
  }

  private NamedFile find(List<NamedFile> files, String name, String option) {
    for (NamedFile f : files) {
      if (name.equals(f.name())) {
        return f;
      }
    }
    List<String> given = files.stream().map(NamedFile::name).toList();
    throw NamedFile.usage(spec, "No " + option + " file for '" + name + "'; given: " + given);
  }

  private static List<String> names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).toList();
  }
}
