package io.tfbridge.callbacks;

import io.tfbridge.models.Model;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Several callbacks called in order, as one (Keras's {@code CallbackList}). The callbacks of one
 * event share its logs map, so that a figure one of them adds (ReduceLROnPlateau's
 * {@code learning_rate}) is seen by those after it, {@link History} last, as in Keras.
 *
 * <pre>{@code
 * CallbackList all = new CallbackList(List.of(new TerminateOnNaN(), history));
 * }</pre>
 */
public final class CallbackList implements Callback {
  private final List<Callback> callbacks;

  /** The callbacks, called in this order. */
  public CallbackList(List<? extends Callback> callbacks) {
    this.callbacks = List.copyOf(callbacks);
  }

  /** The callbacks, in order. */
  public List<Callback> callbacks() {
    return Collections.unmodifiableList(callbacks);
  }

  private void each(Consumer<Callback> call) {
    callbacks.forEach(call);
  }

  @Override
  public void setModel(Model model) {
    each(c -> c.setModel(model));
  }

  @Override
  public void setParams(TrainingParams params) {
    each(c -> c.setParams(params));
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    each(c -> c.onTrainBegin(logs));
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    each(c -> c.onTrainEnd(logs));
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    each(c -> c.onEpochBegin(epoch, logs));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    each(c -> c.onEpochEnd(epoch, logs));
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    each(c -> c.onTrainBatchBegin(batch, logs));
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    each(c -> c.onTrainBatchEnd(batch, logs));
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    each(c -> c.onTestBegin(logs));
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    each(c -> c.onTestEnd(logs));
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    each(c -> c.onTestBatchBegin(batch, logs));
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    each(c -> c.onTestBatchEnd(batch, logs));
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    each(c -> c.onPredictBegin(logs));
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    each(c -> c.onPredictEnd(logs));
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    each(c -> c.onPredictBatchBegin(batch, logs));
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    each(c -> c.onPredictBatchEnd(batch, logs));
  }
}
