package io.tfbridge.callbacks;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Stops training when a monitored figure has stopped improving, as Keras's
 * {@code keras.callbacks.EarlyStopping}: after {@code patience} epochs without an improvement of
 * more than {@code min_delta} (and, with a {@code baseline}, until one beats it), from epoch
 * {@code start_from_epoch} on; with {@code restore_best_weights} the model gets back the weights
 * of its best epoch when training ends. Keras's defaults: {@code monitor="val_loss"},
 * {@code min_delta=0}, {@code patience=0}, {@code verbose=0}, {@code mode="auto"}, no baseline.
 * An instance can be reused across {@code fit} calls; {@code onTrainBegin} resets it. An epoch
 * whose logs lack the figure (no validation that epoch) is skipped, as in Keras (which also warns).
 *
 * <pre>{@code
 * EarlyStopping stop = EarlyStopping.of().monitor("loss").patience(2).restoreBestWeights(true);
 * model.fit(x, y, FitOptions.epochs(50).verbose(0).callbacks(stop));
 * }</pre>
 */
public final class EarlyStopping extends MonitorCallback<EarlyStopping> {
  private static final String NAME = "EarlyStopping";
  private int patience;
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch;
  private int wait;
  private int stoppedEpoch;
  private int bestEpoch;
  private Double best;
  private List<float[]> bestWeights;

  private EarlyStopping() {
    super(NAME, 0);
  }

  /** An EarlyStopping with Keras's defaults (watching {@code val_loss}, patience 0). */
  public static EarlyStopping of() {
    return new EarlyStopping();
  }

  @Override
  EarlyStopping copyOwnSettings() {
    EarlyStopping copy = new EarlyStopping();
    copy.patience = patience;
    copy.baseline = baseline;
    copy.restoreBestWeights = restoreBestWeights;
    copy.startFromEpoch = startFromEpoch;
    return copy;
  }

  /** The epochs without improvement after which training stops; must be >= 0. */
  public EarlyStopping patience(int value) {
    CallbackArgs.nonNegative(NAME, "patience", value);
    return with(c -> c.patience = value);
  }

  /** A value the figure must beat before the patience count restarts. */
  public EarlyStopping baseline(double value) {
    CallbackArgs.finite(NAME, "baseline", value);
    return with(c -> c.baseline = value);
  }

  /** Whether training ends with the weights of the best epoch rather than the last. */
  public EarlyStopping restoreBestWeights(boolean value) {
    return with(c -> c.restoreBestWeights = value);
  }

  /** The epochs of warm-up before the figure is watched; must be >= 0. */
  public EarlyStopping startFromEpoch(int value) {
    CallbackArgs.nonNegative(NAME, "start_from_epoch", value);
    return with(c -> c.startFromEpoch = value);
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    wait = 0;
    stoppedEpoch = 0;
    best = null;
    bestWeights = null;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    OptionalDouble value = watch.value(logs);
    if (value.isEmpty() || epoch < startFromEpoch) {
      return;
    }
    double current = value.getAsDouble();
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = model.getWeights();
      bestEpoch = epoch;
    }
    wait++;
    if (watch.isImprovement(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model.getWeights();
      }
      if (baseline == null || watch.isImprovement(current, baseline)) {
        wait = 0;
      }
    } else if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model.setStopTraining(true);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (stoppedEpoch > 0) {
      say("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (restoreBestWeights && bestWeights != null) {
      say("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      model.setWeights(bestWeights);
    }
  }

  /** The epoch (from 0) training stopped at, 0 if it did not (Keras's {@code stopped_epoch}). */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The epoch (from 0) of the best value so far (Keras's {@code best_epoch}). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The best value so far, empty before the first watched epoch (Keras's {@code best}). */
  public OptionalDouble best() {
    return best == null ? OptionalDouble.empty() : OptionalDouble.of(best);
  }
}
