package io.tfbridge.examples;

import io.tfbridge.inference.Predictor;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.npy.NpyFiles;
import io.tfbridge.interop.tensors.HostTensors;
import io.tfbridge.interop.tensors.InputChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tensorflow.ndarray.NdArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tfbridge predict PATH --input X.npy [--output Y.npy]}: runs a SavedModel or Keras file on
 * {@code .npy} inputs and writes its outputs as {@code .npy}, one line per output on stdout.
 *
 * <pre>
 * tfbridge predict iris_savedmodel --input x.npy --output y.npy
 * tfbridge predict two_inputs --input features=a.npy --input extra=b.npy --output-dir out/
 * tfbridge predict tf_module --signature greet --input names=n.npy --input times=t.npy
 * </pre>
 */
@Command(name = "predict", description = "Run a model on .npy inputs; write its outputs as .npy.")
final class PredictCommand implements Callable<Integer> {
  @ParentCommand
  Cli cli;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "A SavedModel directory (or a TF "
      + "Serving base directory of versions), a .keras or an .h5 file.")
  Path path;

  @Option(names = {"--allow-unsafe-ops", "--allow_unsafe_ops"},
      description = ModelOpener.ALLOW_UNSAFE_HELP)
  boolean allowUnsafeOps;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "[NAME=]FILE.npy",
      description = "An input; name each one if the model has several.")
  List<String> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "[NAME=]FILE.npy", description = "Where to "
      + "write an output (default: every output to --output-dir as NAME.npy).")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--output-dir", paramLabel = "DIR", description = "The directory of the "
      + "outputs not given by --output (default: the current directory).")
  Path outputDir = Path.of(".");

  @Option(names = {"-s", "--signature"}, paramLabel = "NAME",
      description = "The SavedModel signature to run (default: serving_default).")
  String signature;

  /** Creates the command; picocli fills it in. */
  PredictCommand() {}

  @Override
  public Integer call() throws IOException {
    List<NamedFile> in = NamedFile.parseAll(spec, "--input", inputs);
    List<NamedFile> out = NamedFile.parseAll(spec, "--output", outputs);
    try (Predictor model = ModelOpener.open(spec, path, signature, allowUnsafeOps)) {
      Map<String, NdArray<?>> values = read(NamedFile.bind(spec, "--input", in,
          names(model.inputs()), "input"));
      Map<String, NdArray<?>> results = model.predict(values);
      List<NamedFile> targets = out.isEmpty() ? defaultTargets(model.outputs())
          : NamedFile.bind(spec, "--output", out, names(model.outputs()), "output");
      write(results, targets);
    }
    return Cli.OK;
  }

  private static Map<String, NdArray<?>> read(List<NamedFile> files) throws IOException {
    Map<String, NdArray<?>> values = new LinkedHashMap<>();
    for (NamedFile f : files) {
      values.put(f.name(), NpyFiles.read(f.file()));
    }
    return values;
  }

  private List<NamedFile> defaultTargets(List<TensorSpec> specs) {
    return specs.stream()
        .map(s -> new NamedFile(s.name(), outputDir.resolve(NamedFile.fileNameFor(s.name()))))
        .toList();
  }

  private void write(Map<String, NdArray<?>> results, List<NamedFile> targets) throws IOException {
    for (NamedFile target : targets) {
      NdArray<?> value = results.get(target.name());
      if (value == null) {
        throw new IllegalArgumentException("The model has no output '" + target.name()
            + "'; its outputs are " + results.keySet());
      }
      Path parent = target.file().toAbsolutePath().getParent();
      Files.createDirectories(parent);
      NpyFiles.write(target.file(), value);
      cli.out().println(target.name() + ": " + HostTensors.describeType(value) + " "
          + InputChecks.format(value.shape()) + " -> " + target.file());
    }
  }

  private static List<String> names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).toList();
  }
}
