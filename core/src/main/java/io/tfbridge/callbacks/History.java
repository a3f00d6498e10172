package io.tfbridge.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns: each epoch's figures by name, as Keras's {@code History.history}.
 *
 * <pre>{@code
 * List<Double> losses = history.get("loss");
 * }</pre>
 */
public final class History implements Callback {
  private final Map<String, List<Double>> history = new LinkedHashMap<>();
  private final List<Integer> epochs = new ArrayList<>();
  private final Map<String, List<Integer>> figureEpochs = new LinkedHashMap<>();
  private TrainingParams params;

  @Override
  public void setParams(TrainingParams params) {
    this.params = params;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    epochs.add(epoch);
    logs.forEach((name, value) -> {
      history.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      figureEpochs.computeIfAbsent(name, k -> new ArrayList<>()).add(epoch);
    });
  }

  /** The epochs recorded, counting from 0 (Keras's {@code history.epoch}). */
  public List<Integer> epoch() {
    return Collections.unmodifiableList(epochs);
  }

  /** The run's parameters (Keras's {@code history.params}), or null before training. */
  public TrainingParams params() {
    return params;
  }

  /** Every figure by name ({@code loss}, {@code accuracy}, {@code val_loss}, ...), one per epoch. */
  public Map<String, List<Double>> history() {
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    history.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The per-epoch values of one figure.
   *
   * @throws IllegalArgumentException if the figure was not recorded, listing those that were
   */
  public List<Double> get(String name) {
    List<Double> values = history.get(name);
    if (values == null) {
      throw new IllegalArgumentException(
          "History has no '" + name + "'; it has " + history.keySet());
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * The epochs (counting from 0) at which one figure was recorded, one per value of
   * {@link #get}: fewer than {@link #epoch()} for a validation figure when {@code validation_freq}
   * skips epochs. (Not in Keras, whose lists carry no epochs.)
   *
   * @throws IllegalArgumentException if the figure was not recorded, listing those that were
   */
  public List<Integer> epochsOf(String name) {
    get(name);
    return Collections.unmodifiableList(figureEpochs.get(name));
  }

  /** The number of epochs recorded. */
  public int epochs() {
    return epochs.size();
  }
}
