package io.tfbridge.interop.keras;

import java.nio.file.Path;

/**
 * A Keras model file that cannot be read or written: truncated or corrupt, missing a part, a model or
 * layer tfbridge does not support, or weights that disagree with the config. The message names the
 * file and the problem.
 *
 * <pre>{@code
 * try (Model model = KerasFiles.load(path)) {
 *   ...
 * } catch (KerasFileException e) {
 *   System.err.println(e.getMessage());   // "/models/m.keras: the archive holds no config.json ..."
 * }
 * }</pre>
 */
public class KerasFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file, or null if the exception was built without one. */
  private final transient Path file;

  /** An error about {@code file}: the message is {@code "<file>: <problem>"}. */
  public KerasFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** An error about {@code file} caused by {@code cause}. */
  public KerasFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file the error is about. */
  public Path file() {
    return file;
  }
}
