package io.tfbridge.callbacks;

import io.tfbridge.utils.PyFormat;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Lowers the learning rate when a monitored figure has stopped improving, as Keras's
 * {@code keras.callbacks.ReduceLROnPlateau}: after {@code patience} epochs without an improvement
 * of more than {@code min_delta}, the rate becomes {@code max(lr * factor, min_lr)}, then
 * {@code cooldown} epochs pass before epochs without improvement count again. It adds the rate to
 * each epoch's logs as {@code learning_rate}, as Keras does. Keras's defaults:
 * {@code monitor="val_loss"}, {@code factor=0.1}, {@code patience=10}, {@code verbose=0},
 * {@code mode="auto"}, {@code min_delta=1e-4}, {@code cooldown=0}, {@code min_lr=0}. The optimizer
 * needs a constant learning rate (not a schedule), as in Keras.
 *
 * <pre>{@code
 * ReduceLROnPlateau plateau = ReduceLROnPlateau.of().monitor("loss").factor(0.5).patience(1);
 * model.fit(x, y, FitOptions.epochs(5).verbose(0).callbacks(plateau));
 * }</pre>
 */
public final class ReduceLROnPlateau extends MonitorCallback<ReduceLROnPlateau> {
  private static final String NAME = "ReduceLROnPlateau";
  private double factor = 0.1;
  private int patience = 10;
  private int cooldown;
  private double minLr;
  private Double best;
  private int wait;
  private int cooldownCounter;

  private ReduceLROnPlateau() {
    super(NAME, 1e-4);
  }

  /** A ReduceLROnPlateau with Keras's defaults (watching {@code val_loss}, factor 0.1). */
  public static ReduceLROnPlateau of() {
    return new ReduceLROnPlateau();
  }

  @Override
  ReduceLROnPlateau copyOwnSettings() {
    ReduceLROnPlateau copy = new ReduceLROnPlateau();
    copy.factor = factor;
    copy.patience = patience;
    copy.cooldown = cooldown;
    copy.minLr = minLr;
    return copy;
  }

  /**
   * The factor the rate is multiplied by ({@code new_lr = lr * factor}).
   *
   * @throws IllegalArgumentException if it is >= 1.0 (Keras's error) or not a number
   */
  public ReduceLROnPlateau factor(double value) {
    if (!(value < 1.0)) {
      throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. "
          + "Received factor=" + PyFormat.repr(value));
    }
    return with(c -> c.factor = value);
  }

  /** The epochs without improvement after which the rate is lowered; must be >= 0. */
  public ReduceLROnPlateau patience(int value) {
    CallbackArgs.nonNegative(NAME, "patience", value);
    return with(c -> c.patience = value);
  }

  /** The epochs after a reduction before epochs without improvement count again; >= 0. */
  public ReduceLROnPlateau cooldown(int value) {
    CallbackArgs.nonNegative(NAME, "cooldown", value);
    return with(c -> c.cooldown = value);
  }

  /** The lowest rate it goes to; must be >= 0. */
  public ReduceLROnPlateau minLr(double value) {
    CallbackArgs.nonNegative(NAME, "min_lr", value);
    return with(c -> c.minLr = value);
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    best = null;
    cooldownCounter = 0;
    wait = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", model.learningRate());
    OptionalDouble value = watch.value(logs);
    if (value.isEmpty()) {
      return;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    if (watch.isImprovement(value.getAsDouble(), best)) {
      best = value.getAsDouble();
      wait = 0;
    } else if (cooldownCounter <= 0 && ++wait >= patience && reduce(epoch)) {
      cooldownCounter = cooldown;
      wait = 0;
    }
  }

  /** Lowers the rate unless it is at {@code min_lr} already (compared in float32, as Keras). */
  private boolean reduce(int epoch) {
    double old = model.learningRate();
    if (!(old > (float) minLr)) {
      return false;
    }
    double lowered = Math.max(old * factor, minLr);
    model.setLearningRate(lowered);
    say("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
        + PyFormat.repr(lowered) + ".");
    return true;
  }

  /** Whether the epochs of cooldown after a reduction are running (Keras's {@code in_cooldown}). */
  public boolean inCooldown() {
    return cooldownCounter > 0;
  }
}
