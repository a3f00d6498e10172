package io.tfbridge.callbacks;

import io.tfbridge.utils.PyFormat;
import java.io.PrintStream;

/**
 * Argument checks shared by the callbacks (messages name the callback, argument and value), and
 * Keras's {@code print_msg}.
 */
final class CallbackArgs {
  private CallbackArgs() {}

  /** Prints {@code message} and a {@code \n} (on every platform), then flushes, as Keras. */
  static void printMsg(PrintStream out, String message) {
    out.print(message + "\n");
    out.flush();
  }

  static void nonNegative(String owner, String argument, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(owner + ": `" + argument + "` must be >= 0. Received: "
          + argument + "=" + value);
    }
  }

  static void finite(String owner, String argument, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(owner + ": `" + argument + "` must be a finite number. "
          + "Received: " + argument + "=" + PyFormat.repr(value));
    }
  }

  static void nonNegative(String owner, String argument, double value) {
    finite(owner, argument, value);
    if (value < 0) {
      throw new IllegalArgumentException(owner + ": `" + argument + "` must be >= 0. Received: "
          + argument + "=" + PyFormat.repr(value));
    }
  }
}
