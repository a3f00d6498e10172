package io.tfbridge.callbacks;

import java.util.Map;

/**
 * Hooks into {@code fit}, as Keras's {@code keras.callbacks.Callback}. Epochs and batches count from 0;
 * {@code logs} map metric names ({@code loss}, {@code accuracy}, {@code val_loss}, ...) to values.
 *
 * <pre>{@code
 * Callback printer = new Callback() {
 *   public void onEpochEnd(int epoch, Map<String, Double> logs) {
 *     System.out.println(epoch + " " + logs.get("loss"));
 *   }
 * };
 * }</pre>
 */
public interface Callback {

  /** Called once before the first epoch, with the number of epochs and of batches per epoch. */
  default void onTrainBegin(int epochs, int steps) {}

  /** Called before each epoch. */
  default void onEpochBegin(int epoch) {}

  /** Called after each training batch with the running means of the epoch so far. */
  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /** Called after each epoch with its training and validation figures. */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** Called once after the last epoch. */
  default void onTrainEnd() {}
}
