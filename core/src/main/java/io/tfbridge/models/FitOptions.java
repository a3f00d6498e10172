package io.tfbridge.models;

import io.tfbridge.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The keyword arguments of Keras's {@code fit}, with Keras's defaults: 1 epoch, batch size 32, no
 * validation, shuffling on, progress printed, every batch an epoch.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.epochs(30).batchSize(10).validationSplit(0.2);
 * }</pre>
 */
public final class FitOptions {
  /** The values, copied and changed by each fluent method, never after. */
  private static final class Values implements Cloneable {
    int epochs = 1;
    int batchSize = 32;
    double validationSplit;
    boolean shuffle = true;
    int verbose = 1;
    List<Callback> callbacks = List.of();
    int initialEpoch;
    int stepsPerEpoch;
    List<Integer> validationEpochs;
    int validationFreq = 1;
    int validationSteps;
    List<FloatNdArray> validationX;
    List<FloatNdArray> validationY;
    FloatNdArray validationSampleWeight;
    Map<Integer, Double> classWeight;

    Values copy() {
      try {
        return (Values) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private final Values v;

  private FitOptions(Values values) {
    this.v = values;
    check("epochs", v.epochs);
    check("batch_size", v.batchSize);
    if (!(v.validationSplit >= 0 && v.validationSplit < 1)) {
      throw new IllegalArgumentException(
          "`validation_split` must be in [0, 1). Received: validation_split=" + v.validationSplit);
    }
    if (v.initialEpoch < 0) {
      throw new IllegalArgumentException(
          "`initial_epoch` must be >= 0. Received: initial_epoch=" + v.initialEpoch);
    }
    if (v.validationFreq <= 0) {
      throw new IllegalArgumentException("`validation_freq` must be a positive integer or a list of "
          + "epochs. Received: validation_freq=" + v.validationFreq);
    }
    if (v.validationSteps < 0) {
      throw new IllegalArgumentException("`validation_steps` must be a positive integer. Received: "
          + "validation_steps=" + v.validationSteps);
    }
    if (v.stepsPerEpoch < 0) {
      throw new IllegalArgumentException(
          "`steps_per_epoch` must be a positive integer. Received: steps_per_epoch="
              + v.stepsPerEpoch);
    }
  }

  private FitOptions with(Consumer<Values> change) {
    Values copy = v.copy();
    change.accept(copy);
    return new FitOptions(copy);
  }

  /** Keras's defaults. */
  public static FitOptions defaults() {
    return new FitOptions(new Values());
  }

  /** The defaults with this many epochs. */
  public static FitOptions epochs(int epochs) {
    return defaults().withEpochs(epochs);
  }

  /** A copy with this many epochs. */
  public FitOptions withEpochs(int value) {
    return with(c -> c.epochs = value);
  }

  /** A copy with this batch size (default 32). */
  public FitOptions batchSize(int value) {
    return with(c -> c.batchSize = value);
  }

  /** A copy that holds out the last {@code fraction} of the samples, before shuffling, for validation. */
  public FitOptions validationSplit(double fraction) {
    return with(c -> c.validationSplit = fraction);
  }

  /**
   * A copy that validates on these samples after each epoch (Keras's {@code validation_data}; it
   * takes precedence over a validation split, as in Keras).
   */
  public FitOptions validationData(FloatNdArray x, FloatNdArray y) {
    return validationData(List.of(x), List.of(y));
  }

  /**
   * {@link #validationData(FloatNdArray, FloatNdArray)} with each validation sample's weight in the
   * loss (Keras's {@code validation_data=(x, y, sample_weight)}).
   */
  public FitOptions validationData(FloatNdArray x, FloatNdArray y, FloatNdArray sampleWeight) {
    FitOptions withData = validationData(List.of(x), List.of(y));
    return withData.with(c -> c.validationSampleWeight = sampleWeight);
  }

  /** The validation sample weights given with {@link #validationData}, or null. */
  public FloatNdArray validationSampleWeight() {
    return v.validationSampleWeight;
  }

  /** {@link #validationData(FloatNdArray, FloatNdArray)} with one array per input and per output. */
  public FitOptions validationData(List<FloatNdArray> xs, List<FloatNdArray> ys) {
    List<FloatNdArray> x = List.copyOf(xs);
    List<FloatNdArray> y = List.copyOf(ys);
    return with(c -> {
      c.validationX = x;
      c.validationY = y;
      c.validationSampleWeight = null;
    });
  }

  /**
   * A copy that weights each training sample's loss by its class's weight (Keras's
   * {@code class_weight}): the class of a sample is its label (sparse labels, rounded) or the argmax
   * of its one-hot row; a class the map leaves out weighs 1. Validation data is not weighted by it.
   * Only for a model with one output, and not together with sample weights (as in Keras).
   *
   * <pre>{@code
   * FitOptions options = FitOptions.epochs(5).classWeight(Map.of(0, 1.0, 1, 5.0));
   * }</pre>
   */
  public FitOptions classWeight(Map<Integer, Double> weights) {
    Map<Integer, Double> copy = Map.copyOf(weights);
    return with(c -> c.classWeight = copy);
  }

  /** The class weights given with {@link #classWeight}, or null. */
  public Map<Integer, Double> classWeight() {
    return v.classWeight;
  }

  /** A copy that shuffles the training samples each epoch, or not (default true). */
  public FitOptions shuffle(boolean value) {
    return with(c -> c.shuffle = value);
  }

  /**
   * A copy with this verbosity (Keras's {@code verbose}): 0 silent, 1 a progress bar updated within
   * each epoch on a terminal (one line per epoch when standard output is not one), 2 one line per
   * epoch (default 1).
   *
   * @throws IllegalArgumentException for any other value
   */
  public FitOptions verbose(int value) {
    if (value < 0 || value > 2) {
      throw new IllegalArgumentException(
          "`verbose` must be 0, 1, 2 or \"auto\". Received: verbose=" + value);
    }
    return with(c -> c.verbose = value);
  }

  /**
   * A copy with Keras's verbosity by name: {@code "auto"} (1, Keras's default) or the number as text.
   *
   * @throws IllegalArgumentException for another value, naming the choices
   */
  public FitOptions verbose(String value) {
    return switch (value) {
      case "auto", "1" -> verbose(1);
      case "0" -> verbose(0);
      case "2" -> verbose(2);
      default -> throw new IllegalArgumentException(
          "`verbose` must be 0, 1, 2 or \"auto\". Received: verbose=" + value);
    };
  }

  /**
   * A copy that validates after every {@code value}-th epoch only (Keras's {@code validation_freq},
   * default 1: after each epoch).
   */
  public FitOptions validationFreq(int value) {
    return with(c -> {
      c.validationFreq = value;
      c.validationEpochs = null;
    });
  }

  /**
   * A copy that validates after the given epochs only, counting from 1 (Keras's
   * {@code validation_freq=[1, 2, 10]}).
   *
   * @throws IllegalArgumentException for an epoch below 1
   */
  public FitOptions validationFreq(List<Integer> epochs) {
    for (int epoch : epochs) {
      if (epoch < 1) {
        throw new IllegalArgumentException("`validation_freq` epochs count from 1. Received: "
            + "validation_freq=" + epochs);
      }
    }
    List<Integer> copy = List.copyOf(epochs);
    return with(c -> c.validationEpochs = copy);
  }

  /** Whether the epoch {@code epoch} (counting from 0) ends with validation. */
  public boolean validatesAfter(int epoch) {
    return v.validationEpochs != null ? v.validationEpochs.contains(epoch + 1)
        : (epoch + 1) % v.validationFreq == 0;
  }

  /** A copy with these callbacks added. */
  public FitOptions callbacks(Callback... added) {
    List<Callback> all = new ArrayList<>(v.callbacks);
    all.addAll(List.of(added));
    return with(c -> c.callbacks = List.copyOf(all));
  }

  /**
   * A copy that starts at epoch {@code value} (Keras's {@code initial_epoch}, default 0): the epochs
   * run are {@code value .. epochs-1}, as when resuming from a checkpoint taken after epoch
   * {@code value}.
   */
  public FitOptions initialEpoch(int value) {
    return with(c -> c.initialEpoch = value);
  }

  /**
   * A copy that trains {@code value} batches per epoch (Keras's {@code steps_per_epoch}; 0, the
   * default, means all of them). With a {@link io.tfbridge.data.BatchSequence} the sequence's index
   * runs on across epochs, wrapping when it is exhausted, as in Keras.
   */
  public FitOptions stepsPerEpoch(int value) {
    return with(c -> c.stepsPerEpoch = value);
  }

  /**
   * A copy that validates on the first {@code value} batches of the validation data only (Keras's
   * {@code validation_steps}; 0, the default, means all of them).
   */
  public FitOptions validationSteps(int value) {
    return with(c -> c.validationSteps = value);
  }

  /** The validation batches per validation, or 0 for all of them. */
  public int validationSteps() {
    return v.validationSteps;
  }

  /** The batches per epoch, or 0 for all of them. */
  public int stepsPerEpoch() {
    return v.stepsPerEpoch;
  }

  /** The epoch training starts at. */
  public int initialEpoch() {
    return v.initialEpoch;
  }

  /** The number of epochs. */
  public int epochs() {
    return v.epochs;
  }

  /** The batch size. */
  public int batchSize() {
    return v.batchSize;
  }

  /** The fraction held out for validation. */
  public double validationSplit() {
    return v.validationSplit;
  }

  /** The validation inputs given with {@link #validationData}, or null. */
  public List<FloatNdArray> validationX() {
    return v.validationX;
  }

  /** The validation targets given with {@link #validationData}, or null. */
  public List<FloatNdArray> validationY() {
    return v.validationY;
  }

  /** Whether training samples are shuffled each epoch. */
  public boolean shuffle() {
    return v.shuffle;
  }

  /** The verbosity. */
  public int verbose() {
    return v.verbose;
  }

  /** The user's callbacks. */
  public List<Callback> callbacks() {
    return v.callbacks;
  }

  private static int check(String argument, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "`" + argument + "` must be a positive integer. Received: " + argument + "=" + value);
    }
    return value;
  }
}
