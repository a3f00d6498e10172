package io.tfbridge.callbacks;

import io.tfbridge.models.Model;
import io.tfbridge.utils.PyFormat;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Sets the learning rate at the start of each epoch from a function of the epoch (from 0) and the
 * current rate, as Keras's {@code keras.callbacks.LearningRateScheduler}, and adds the rate to each
 * epoch's logs as {@code learning_rate}. The optimizer needs a constant learning rate (not a
 * schedule), as in Keras.
 *
 * <pre>{@code
 * LearningRateScheduler halving = LearningRateScheduler.of((epoch, lr) -> epoch < 1 ? lr : lr / 2);
 * model.fit(x, y, FitOptions.epochs(3).verbose(0).callbacks(halving));
 * }</pre>
 */
public final class LearningRateScheduler implements Callback {
  /** The learning rate of an epoch (Keras's {@code schedule(epoch, lr)}). */
  @FunctionalInterface
  public interface Schedule {
    /** The rate for {@code epoch} (from 0), given the current rate {@code lr}. */
    double apply(int epoch, double lr);
  }

  private final Schedule schedule;
  private final int verbose;
  private final PrintStream out;
  private Model model;

  private LearningRateScheduler(Schedule schedule, int verbose, PrintStream out) {
    this.schedule = Objects.requireNonNull(schedule, "LearningRateScheduler: `schedule` is null");
    this.verbose = verbose;
    this.out = out;
  }

  /** A scheduler calling {@code schedule} before each epoch, silent (Keras's {@code verbose=0}). */
  public static LearningRateScheduler of(Schedule schedule) {
    return new LearningRateScheduler(schedule, 0, System.out);
  }

  /** 1 prints the rate set at each epoch, 0 is silent. */
  public LearningRateScheduler verbose(int value) {
    return new LearningRateScheduler(schedule, value, out);
  }

  /** Where the messages of {@code verbose=1} go (standard output by default). */
  public LearningRateScheduler printTo(PrintStream value) {
    return new LearningRateScheduler(schedule, verbose, value);
  }

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    double rate = schedule.apply(epoch, model.learningRate());
    model.setLearningRate(rate);
    if (verbose > 0) {
      CallbackArgs.printMsg(out, "\nEpoch " + (epoch + 1)
          + ": LearningRateScheduler setting learning rate to " + PyFormat.repr(rate) + ".");
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", model.learningRate());
  }
}
