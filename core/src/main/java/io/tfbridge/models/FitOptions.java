package io.tfbridge.models;

import io.tfbridge.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword arguments of Keras's {@code fit}, with Keras's defaults: 1 epoch, batch size 32, no
 * validation split, shuffling on, progress printed.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.epochs(30).batchSize(10).validationSplit(0.2);
 * }</pre>
 */
public final class FitOptions {
  private final int epochs;
  private final int batchSize;
  private final double validationSplit;
  private final boolean shuffle;
  private final int verbose;
  private final List<Callback> callbacks;
  private final int initialEpoch;
  private final int stepsPerEpoch;

  private FitOptions(int epochs, int batchSize, double validationSplit, boolean shuffle, int verbose,
      List<Callback> callbacks, int initialEpoch, int stepsPerEpoch) {
    this.epochs = check("epochs", epochs);
    this.batchSize = check("batch_size", batchSize);
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException(
          "`validation_split` must be in [0, 1). Received: validation_split=" + validationSplit);
    }
    this.validationSplit = validationSplit;
    this.shuffle = shuffle;
    this.verbose = verbose;
    this.callbacks = List.copyOf(callbacks);
    if (initialEpoch < 0) {
      throw new IllegalArgumentException(
          "`initial_epoch` must be >= 0. Received: initial_epoch=" + initialEpoch);
    }
    this.initialEpoch = initialEpoch;
    if (stepsPerEpoch < 0) {
      throw new IllegalArgumentException(
          "`steps_per_epoch` must be a positive integer. Received: steps_per_epoch="
              + stepsPerEpoch);
    }
    this.stepsPerEpoch = stepsPerEpoch;
  }

  /** Keras's defaults. */
  public static FitOptions defaults() {
    return new FitOptions(1, 32, 0, true, 1, List.of(), 0, 0);
  }

  /** The defaults with this many epochs. */
  public static FitOptions epochs(int epochs) {
    return defaults().withEpochs(epochs);
  }

  /** A copy with this many epochs. */
  public FitOptions withEpochs(int value) {
    return new FitOptions(value, batchSize, validationSplit, shuffle, verbose, callbacks,
        initialEpoch, stepsPerEpoch);
  }

  /** A copy with this batch size (default 32). */
  public FitOptions batchSize(int value) {
    return new FitOptions(epochs, value, validationSplit, shuffle, verbose, callbacks,
        initialEpoch, stepsPerEpoch);
  }

  /** A copy that holds out the last {@code fraction} of the samples, before shuffling, for validation. */
  public FitOptions validationSplit(double fraction) {
    return new FitOptions(epochs, batchSize, fraction, shuffle, verbose, callbacks,
        initialEpoch, stepsPerEpoch);
  }

  /** A copy that shuffles the training samples each epoch, or not (default true). */
  public FitOptions shuffle(boolean value) {
    return new FitOptions(epochs, batchSize, validationSplit, value, verbose, callbacks,
        initialEpoch, stepsPerEpoch);
  }

  /** A copy with this verbosity: 0 silent, 1 or 2 a line per epoch (default 1). */
  public FitOptions verbose(int value) {
    return new FitOptions(epochs, batchSize, validationSplit, shuffle, value, callbacks,
        initialEpoch, stepsPerEpoch);
  }

  /** A copy with these callbacks added. */
  public FitOptions callbacks(Callback... added) {
    List<Callback> all = new ArrayList<>(callbacks);
    all.addAll(List.of(added));
    return new FitOptions(epochs, batchSize, validationSplit, shuffle, verbose, all,
        initialEpoch, stepsPerEpoch);
  }

  /**
   * A copy that starts at epoch {@code value} (Keras's {@code initial_epoch}, default 0): the epochs
   * run are {@code value .. epochs-1}, as when resuming from a checkpoint taken after epoch
   * {@code value}.
   */
  public FitOptions initialEpoch(int value) {
    return new FitOptions(epochs, batchSize, validationSplit, shuffle, verbose, callbacks,
        value, stepsPerEpoch);
  }

  /**
   * A copy that trains {@code value} batches per epoch (Keras's {@code steps_per_epoch}; 0, the
   * default, means all of them). With a {@link io.tfbridge.data.BatchSequence} the sequence's index runs
   * on across epochs, wrapping when it is exhausted, as in Keras.
   */
  public FitOptions stepsPerEpoch(int value) {
    return new FitOptions(epochs, batchSize, validationSplit, shuffle, verbose, callbacks,
        initialEpoch, value);
  }

  /** The batches per epoch, or 0 for all of them. */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /** The epoch training starts at. */
  public int initialEpoch() {
    return initialEpoch;
  }

  /** The number of epochs. */
  public int epochs() {
    return epochs;
  }

  /** The batch size. */
  public int batchSize() {
    return batchSize;
  }

  /** The fraction held out for validation. */
  public double validationSplit() {
    return validationSplit;
  }

  /** Whether training samples are shuffled each epoch. */
  public boolean shuffle() {
    return shuffle;
  }

  /** The verbosity. */
  public int verbose() {
    return verbose;
  }

  /** The user's callbacks. */
  public List<Callback> callbacks() {
    return callbacks;
  }

  private static int check(String argument, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "`" + argument + "` must be a positive integer. Received: " + argument + "=" + value);
    }
    return value;
  }
}
