package io.tfbridge.examples;

import io.tfbridge.callbacks.TensorBoard;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every training lesson shares: {@code -q/--quiet}, {@code --tensorboard DIR} (Keras's
 * TensorBoard logs) and {@code --plot FILE.png} (the History as a PNG).
 *
 * <pre>{@code
 * return outputs.run(lesson, spec, console -> IrisLesson.run(seed, console));
 * }</pre>
 */
final class LessonOutputs {
  @Option(names = {"-q", "--quiet"}, description = "Do not print the epoch lines.")
  boolean quiet;

  @Option(names = "--tensorboard", paramLabel = "DIR",
      description = "Write TensorBoard logs (train/ and validation/ event files) to DIR.")
  Path tensorboard;

  @Mixin
  PlotOption plot;

  /** Creates the options; picocli fills them in. */
  LessonOutputs() {}

  /** A lesson run on a console. */
  interface LessonRun {
    void run(LessonConsole console) throws Exception;
  }

  /**
   * Runs {@code run} on the lesson's console, plotting to the {@code --plot} file and with a Keras
   * {@code TensorBoard} callback writing to {@code --tensorboard DIR} when given (closed even if the
   * lesson throws).
   *
   * @throws picocli.CommandLine.ParameterException for a bad {@code --plot} name, before training
   */
  Integer run(LessonCommand lesson, CommandSpec spec, LessonRun run) throws Exception {
    LessonConsole console = plot.on(lesson.console(quiet), spec);
    if (tensorboard == null) {
      run.run(console);
      return Cli.OK;
    }
    try (TensorBoard board = TensorBoard.of(tensorboard)) {
      run.run(console.withCallback(board));
    }
    return Cli.OK;
  }
}
