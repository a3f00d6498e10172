package io.tfbridge.callbacks;

import io.tfbridge.models.Model;
import java.util.Map;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, as Keras's
 * {@code keras.callbacks.Callback}. Epochs and batches count from 0; {@code logs} map figure names
 * ({@code loss}, {@code accuracy}, {@code val_loss}, ...) to values. Before training starts the loop
 * calls {@link #setModel} and {@link #setParams}; a callback stops training with
 * {@code model.setStopTraining(true)} (Keras's {@code model.stop_training = True}).
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

  /** Gives the callback the model being trained (Keras's {@code set_model}). */
  default void setModel(Model model) {}

  /** Gives the callback the run's parameters (Keras's {@code set_params}). */
  default void setParams(TrainingParams params) {}

  /** Called once before the first epoch. */
  default void onTrainBegin(Map<String, Double> logs) {}

  /** Called once after the last epoch, with the last epoch's logs. */
  default void onTrainEnd(Map<String, Double> logs) {}

  /** Called before each epoch. */
  default void onEpochBegin(int epoch, Map<String, Double> logs) {}

  /** Called after each epoch with its training and validation figures. */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** Called before each training batch. */
  default void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

  /** Called after each training batch with the running means of the epoch so far. */
  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /** Called when an evaluation starts (also the validation at an epoch's end). */
  default void onTestBegin(Map<String, Double> logs) {}

  /** Called when an evaluation ends, with its figures. */
  default void onTestEnd(Map<String, Double> logs) {}

  /** Called before each evaluation batch. */
  default void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  /** Called after each evaluation batch with the running means so far. */
  default void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  /** Called when a prediction starts. */
  default void onPredictBegin(Map<String, Double> logs) {}

  /** Called when a prediction ends. */
  default void onPredictEnd(Map<String, Double> logs) {}

  /** Called before each prediction batch. */
  default void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  /** Called after each prediction batch. */
  default void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
