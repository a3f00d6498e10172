package io.tfbridge.callbacks;

import io.tfbridge.models.Model;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * What the callbacks that watch a figure share (Keras's {@code MonitorCallback}): the settings
 * {@code monitor}, {@code mode}, {@code min_delta} and {@code verbose} as fluent copy methods, the
 * {@link Monitor} they make (checked against the model when training starts) and where messages go.
 *
 * @param <T> the callback's own type, returned by the copy methods
 */
abstract class MonitorCallback<T extends MonitorCallback<T>> implements Callback {
  private final String owner;
  String monitor = "val_loss";
  String mode = "auto";
  double minDelta;
  int verbose;
  PrintStream out = System.out;
  Monitor watch;
  Model model;

  MonitorCallback(String owner, double minDelta) {
    this.owner = owner;
    this.minDelta = minDelta;
    this.watch = Monitor.of(owner, monitor, mode, minDelta);
  }

  /** A new instance with this one's own (subclass) settings; the shared ones are copied here. */
  abstract T copyOwnSettings();

  /** A copy with {@code change} applied, its monitor made (and its mode checked) anew. */
  final T with(Consumer<T> change) {
    T copy = copyOwnSettings();
    copy.monitor = monitor;
    copy.mode = mode;
    copy.minDelta = minDelta;
    copy.verbose = verbose;
    copy.out = out;
    change.accept(copy);
    copy.watch = Monitor.of(owner, copy.monitor, copy.mode, copy.minDelta);
    return copy;
  }

  /** The figure watched ({@code val_loss}, {@code accuracy}, ...), checked when training starts. */
  public T monitor(String value) {
    return with(c -> c.monitor = value);
  }

  /**
   * {@code auto}, {@code min} or {@code max}: which way the figure improves.
   *
   * @throws IllegalArgumentException for any other mode, listing the three
   */
  public T mode(String value) {
    return with(c -> c.mode = value);
  }

  /** The smallest change that counts as an improvement (its absolute value is used). */
  public T minDelta(double value) {
    return with(c -> c.minDelta = value);
  }

  /** 1 prints a line when the callback acts, 0 is silent. */
  public T verbose(int value) {
    return with(c -> c.verbose = value);
  }

  /** Where the messages of {@code verbose=1} go (standard output by default). */
  public T printTo(PrintStream value) {
    return with(c -> c.out = value);
  }

  /**
   * Binds the monitor to {@code model}.
   *
   * @throws IllegalArgumentException if the model reports no such figure, listing those it does
   */
  @Override
  public void setModel(Model model) {
    watch.setModel(model);
    this.model = model;
  }

  /** Prints {@code message} when verbose, as Keras's {@code io_utils.print_msg}. */
  void say(String message) {
    if (verbose > 0) {
      CallbackArgs.printMsg(out, message);
    }
  }
}
