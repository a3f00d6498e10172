package io.tfbridge.models;

import io.tfbridge.callbacks.Callback;
import io.tfbridge.callbacks.CallbackList;
import io.tfbridge.callbacks.History;
import io.tfbridge.callbacks.ProgbarLogger;
import io.tfbridge.callbacks.TrainingParams;
import io.tfbridge.data.Permutations;
import io.tfbridge.distribute.CollectiveGroup;
import io.tfbridge.engine.CompiledGraph;
import io.tfbridge.engine.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code fit} loop over a compiled graph: epochs, shuffled batches, validation, and the
 * callbacks' hooks in Keras's order. A callback ends training with
 * {@code model.setStopTraining(true)}: after the current batch, whose epoch still ends (validation
 * and {@code onEpochEnd}) as in Keras. It owns no native state beyond each batch's tensors, which
 * close after their step even if it throws.
 */
final class FitLoop {
  private final Model model;
  private final CompiledGraph graph;
  private final List<Figure> figures;

  FitLoop(Model model, CompiledGraph graph, List<Figure> figures) {
    this.model = model;
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
    CallbackList callbacks = callbacks(options, history);
    callbacks.setModel(model);
    callbacks.setParams(new TrainingParams(options.epochs(), train.steps(), options.verbose()));
    model.setStopTraining(false);
    model.takeInitialEpoch();
    callbacks.onTrainBegin(new LinkedHashMap<>());
    int resumed = model.takeInitialEpoch();
    Map<String, Double> logs = new LinkedHashMap<>();
    int first = resumed >= 0 ? resumed : options.initialEpoch();
    for (int epoch = first; epoch < options.epochs(); epoch++) {
      callbacks.onEpochBegin(epoch, new LinkedHashMap<>());
      logs = trainEpoch(train, callbacks);
      if (validation != null && options.validatesAfter(epoch)) {
        logs.putAll(prefixed("val_", evaluate(validation, options.batchSize(),
            options.validationSteps(), callbacks)));
      }
      callbacks.onEpochEnd(epoch, logs);
      if (model.stopTraining()) {
        break;
      }
    }
    if (options.epochs() > 0) {
      graph.finalizeVariableValues(); // Keras's optimizer.finalize_variable_values (use_ema)
    }
    callbacks.onTrainEnd(new LinkedHashMap<>(logs));
    return history;
  }

  /** Keras's order: the progress bar first, the user's callbacks, {@link History} last. */
  private static CallbackList callbacks(FitOptions options, History history) {
    List<Callback> callbacks = new ArrayList<>();
    if (options.verbose() > 0) {
      callbacks.add(ProgbarLogger.forVerbose(options.verbose()));
    }
    callbacks.addAll(options.callbacks());
    callbacks.add(history);
    return new CallbackList(callbacks);
  }

  private Map<String, Double> trainEpoch(TrainBatches train, Callback callbacks) {
    Sums sums = new Sums(figures);
    for (int batch = 0; batch < train.steps() && !model.stopTraining(); batch++) {
      callbacks.onTrainBatchBegin(batch, new LinkedHashMap<>());
      try (Batch b = train.next()) {
        sums.add(graph.trainStep(b.inputs(), b.labels(), b.sampleWeight()));
      }
      callbacks.onTrainBatchEnd(batch, sums.logs(""));
    }
    return sums.logs("");
  }

  /**
   * The loss and metrics over {@code data}, in batches (the first {@code steps} of them, or all for
   * 0), without training, calling the test hooks of {@code callbacks} (the validation of an epoch, or
   * {@code evaluate}). A task of a collective group feeds only its share of each batch (possibly no
   * rows); the graph sums the figures over the tasks, so every task reports the whole batch's.
   */
  Map<String, Double> evaluate(ArrayData data, int batchSize, int steps, Callback callbacks) {
    callbacks.onTestBegin(new LinkedHashMap<>());
    int[] order = Permutations.of(data.size(), null);
    int end = steps > 0 ? Math.min(order.length, steps * batchSize) : order.length;
    Sums sums = new Sums(figures);
    for (int from = 0, batch = 0; from < end; from += batchSize, batch++) {
      callbacks.onTestBatchBegin(batch, new LinkedHashMap<>());
      try (Batch b = batch(data, order, from, Math.min(order.length, from + batchSize))) {
        sums.add(graph.testStep(b.inputs(), b.labels(), b.sampleWeight()));
      }
      callbacks.onTestBatchEnd(batch, sums.logs(""));
    }
    Map<String, Double> logs = sums.logs("");
    callbacks.onTestEnd(new LinkedHashMap<>(logs));
    return logs;
  }

  /** Rows {@code order[from..to)}, or this task's share of them in a collective group. */
  private Batch batch(ArrayData data, int[] order, int from, int to) {
    CollectiveGroup group = model.definition().replicas().collective();
    int[] own = group == null ? new int[] {0, to - from} : group.share(to - from);
    return data.batch(order, from + own[0], from + own[1]);
  }

  private static Map<String, Double> prefixed(String prefix, Map<String, Double> logs) {
    Map<String, Double> renamed = new LinkedHashMap<>();
    logs.forEach((name, value) -> renamed.put(prefix + name, value));
    return renamed;
  }
}
