package io.tfbridge.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --plot FILE.png} option of the commands that train: a PNG of the run's History
 * (see {@link io.tfbridge.plot.HistoryPlot}). The file's name and directory are checked before
 * training starts, so a typo costs no training.
 *
 * <pre>{@code
 * LessonConsole console = plot.on(new LessonConsole(System.out, true), spec);
 * History history = model.fit(x, y, console.progress(FitOptions.epochs(5)));
 * console.plot(history, "fit model.keras");   // writes the --plot file, if any
 * }</pre>
 */
final class PlotOption {
  @Option(names = "--plot", paramLabel = "FILE.png", description = "Also write a PNG of the "
      + "training History: loss and each metric per epoch, training beside validation.")
  Path plot;

  /** Creates the option; picocli fills it in. */
  PlotOption() {}

  /**
   * {@code console}, plotting to the {@code --plot} file when one was given.
   *
   * @throws ParameterException (a usage error) if the name does not end in .png or its directory
   *     does not exist
   */
  LessonConsole on(LessonConsole console, CommandSpec spec) {
    if (plot == null) {
      return console;
    }
    if (!plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw invalid(spec, "expected a file name ending in .png");
    }
    Path dir = plot.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw invalid(spec, "the directory " + dir + " does not exist");
    }
    return console.plotTo(plot);
  }

  private ParameterException invalid(CommandSpec spec, String why) {
    return new ParameterException(spec.commandLine(),
        "Invalid value for option '--plot': " + plot + " (" + why + ")");
  }
}
