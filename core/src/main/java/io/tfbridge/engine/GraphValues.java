package io.tfbridge.engine;

import io.tfbridge.layers.Shapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Session;

/**
 * The values of a compiled graph's variables over its life: weights set before first use wait and are
 * assigned with the initializers' draws in one run (a loaded file's weights stream in, never drawn
 * first); the training part's variables are filled when it is built; reads and writes by Keras path.
 */
final class GraphValues {
  private final ModelDefinition definition;
  private final Session session;
  private final VariableStore variables;
  private final TrainingGraph ops;
  /** Values set before the variables were first initialised, assigned with them in one run. */
  private final Map<String, WeightSource> pending = new LinkedHashMap<>();
  private long pendingIterations;
  private boolean initialized;

  GraphValues(ModelDefinition definition, Session session, VariableStore variables,
      TrainingGraph ops) {
    this.definition = definition;
    this.session = session;
    this.variables = variables;
    this.ops = ops;
  }

  /** Initialises the variables on first use, in one run: the values set so far and draws for the rest. */
  void live() {
    if (!initialized) {
      variables.initialize(session, definition.seed(), pending, pendingIterations);
      pending.clear();
      initialized = true;
    }
  }

  /** {@link #live()}, with the training part of the graph built and its variables filled. */
  void liveTraining() {
    live();
    ops.buildTraining();
    variables.initializeSlots(session);
  }

  /** The values of the variables at {@code paths}, by path, in order. */
  Map<String, float[]> read(List<String> paths) {
    live();
    List<float[]> values = variables.read(session, paths);
    Map<String, float[]> byPath = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      byPath.put(paths.get(i), values.get(i));
    }
    return byPath;
  }

  /** The optimizer's float variables (everything but {@code weightPaths}), by path. */
  Map<String, float[]> optimizerValues(List<String> weightPaths) {
    liveTraining();
    List<String> paths = new ArrayList<>(variables.paths());
    paths.removeAll(weightPaths);
    return read(paths);
  }

  void set(Map<String, float[]> values) {
    values.forEach((path, data) -> {
      requireVariable(path);
      long expected = variables.shape(path).size();
      if (data.length != expected) {
        throw new IllegalArgumentException("Weight " + path + " has shape "
            + Shapes.format(variables.shape(path)) + " (" + expected + " values), found "
            + data.length + " values");
      }
    });
    if (initialized) {
      variables.assign(session, values);
    } else {
      values.forEach((path, data) -> pending.put(path, WeightSource.of(data)));
    }
  }

  void setSources(Map<String, WeightSource> sources) {
    if (initialized) {
      throw new IllegalStateException("Model '" + definition.name() + "' is initialised already; "
          + "use setWeights");
    }
    sources.keySet().forEach(this::requireVariable);
    pending.putAll(sources);
  }

  long iterations() {
    live();
    return variables.readIterations(session);
  }

  void setIterations(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, found " + value);
    }
    if (initialized) {
      variables.assignIterations(session, value);
    } else {
      pendingIterations = value;
    }
  }

  /**
   * Checks that a variable is at {@code path}, building the training part of the graph first when the
   * path may be an optimizer's slot it makes.
   *
   * @throws IllegalArgumentException for an unknown path, naming the known ones
   */
  private void requireVariable(String path) {
    if (!variables.has(path) && !ops.trainingBuilt()) {
      ops.buildTraining();
    }
    variables.shape(path);
  }
}
