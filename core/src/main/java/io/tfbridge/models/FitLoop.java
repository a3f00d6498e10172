package io.tfbridge.models;

import io.tfbridge.data.Permutations;
import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.History;
import io.tfbridge.callbacks.ProgbarLogger;
import io.tfbridge.engine.CompiledGraph;
import io.tfbridge.engine.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code fit} loop over a compiled graph: epochs, shuffled batches, validation, callbacks. It
 * owns no native state beyond each batch's tensors, which close after their step even if it throws.
 */
final class FitLoop {
  private final CompiledGraph graph;
  private final List<Figure> figures;

  FitLoop(CompiledGraph graph, List<Figure> figures) {
    this.graph = graph;
    this.figures = figures;
  }

  /** Trains on {@code train}'s batches (closed at the end) for the epochs {@code options} says. */
  History fit(TrainBatches train, ArrayData validation, FitOptions options) {
    try (train) {
      return epochs(train, validation, options);
    }
  }

  private History epochs(TrainBatches train, ArrayData validation, FitOptions options) {
    History history = new History();
    List<Callback> callbacks = callbacks(options, history);
    int steps = train.steps();
    callbacks.forEach(c -> c.onTrainBegin(options.epochs(), steps));
    for (int epoch = options.initialEpoch(); epoch < options.epochs(); epoch++) {
      int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(e));
      Map<String, Double> logs = trainEpoch(train, callbacks);
      if (validation != null) {
        logs.putAll(evaluate(validation, options.batchSize()).logs("val_"));
      }
      callbacks.forEach(c -> c.onEpochEnd(e, logs));
    }
    callbacks.forEach(Callback::onTrainEnd);
    return history;
  }

  private static List<Callback> callbacks(FitOptions options, History history) {
    List<Callback> callbacks = new ArrayList<>();
    callbacks.add(history);
    if (options.verbose() > 0) {
      callbacks.add(new ProgbarLogger(System.out));
    }
    callbacks.addAll(options.callbacks());
    return callbacks;
  }

  private Map<String, Double> trainEpoch(TrainBatches train, List<Callback> callbacks) {
    Sums sums = new Sums(figures);
    for (int batch = 0; batch < train.steps(); batch++) {
      try (Batch b = train.next()) {
        sums.add(graph.trainStep(b.inputs(), b.labels()));
      }
      int index = batch;
      Map<String, Double> logs = sums.logs("");
      callbacks.forEach(c -> c.onTrainBatchEnd(index, logs));
    }
    return sums.logs("");
  }

  /** The loss and metrics over {@code data}, in batches, without training. */
  Sums evaluate(ArrayData data, int batchSize) {
    int[] order = Permutations.of(data.size(), null);
    Sums sums = new Sums(figures);
    for (int from = 0; from < order.length; from += batchSize) {
      int to = Math.min(order.length, from + batchSize);
      try (Batch b = data.batch(order, from, to)) {
        sums.add(graph.testStep(b.inputs(), b.labels()));
      }
    }
    return sums;
  }
}
