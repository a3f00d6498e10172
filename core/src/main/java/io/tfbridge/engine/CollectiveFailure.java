package io.tfbridge.engine;

import io.tfbridge.distribute.CollectiveGroup;
import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * The error of a step that fails in a collective group, naming the tasks that no longer answer:
 * TensorFlow's own error says only that a collective timed out or was aborted. A task that is gone
 * fails every other task's next collective within the group's timeout, so every task reports it.
 */
final class CollectiveFailure {
  private static final int SHOWN = 240;

  private CollectiveFailure() {}

  /**
   * Runs {@code step}; when {@code group} is not null and TensorFlow fails it (other than for an
   * invalid argument, the caller's data), throws an {@link IllegalStateException} naming the
   * unreachable tasks, TensorFlow's error as its cause.
   */
  static <T> T run(CollectiveGroup group, String what, Supplier<T> step) {
    try {
      return step.get();
    } catch (TFInvalidArgumentException e) {
      throw e;
    } catch (TensorFlowException e) {
      if (group == null) {
        throw e;
      }
      throw explain(group, what, e);
    }
  }

  /** The error: this task, the unreachable ones (or that none is), TensorFlow's words, shortened. */
  static IllegalStateException explain(CollectiveGroup group, String what, RuntimeException cause) {
    List<String> lost = group.unreachableTasks();
    String which = lost.isEmpty()
        ? "every other task still answers, so a collective failed or waited longer than its timeout of "
            + group.timeoutSeconds() + " s"
        : String.join(", ", lost) + (lost.size() == 1 ? " is" : " are") + " unreachable";
    return new IllegalStateException("The " + what + " step of " + group.name() + " (one of "
        + group.size() + " tasks training together) failed: " + which + ". Every task must be restarted; "
        + "a BackupAndRestore callback resumes from its last backup. TensorFlow said: "
        + brief(String.valueOf(cause.getMessage())), cause);
  }

  /** TensorFlow's message without gRPC's appended details, at most {@value #SHOWN} characters. */
  private static String brief(String message) {
    int details = message.indexOf("Additional GRPC error information");
    String shown = (details > 0 ? message.substring(0, details) : message).strip();
    return shown.length() <= SHOWN ? shown : shown.substring(0, SHOWN) + "...";
  }
}
