package io.tfbridge.engine;

import io.tfbridge.distribute.Replicas;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.optimizers.Gradient;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SlotFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Everything a compiled model runs, built once into one graph: input placeholders, forward pass, loss
 * and metric sums at construction; gradients and the optimizer step at the first training step
 * ({@link #buildTraining()}), or at once for a replicated model, whose graph is placed whole.
 */
final class TrainingGraph {
  /** One placeholder per model input, in the model's input order: {@code x}, {@code x_1}, ... */
  final List<Placeholder<?>> xs = new ArrayList<>();
  /** One label placeholder per output: {@code y}, {@code y_1}, ... */
  final List<Placeholder<TFloat32>> ys = new ArrayList<>();
  /**
   * Each sample's weight in the losses ({@code sample_weight}, shape {@code [batch]}): fed only when
   * weights are given, else ones.
   */
  final Operand<TFloat32> sampleWeight;
  final Operand<TFloat32> trainingFlag;
  /** The model's outputs, every replica's share concatenated. */
  final List<LayerOutput> outputs;
  /** The batch's total loss times its number of samples, and that number (global in a group). */
  final Operand<TFloat32> lossSum;
  final Operand<TFloat32> lossCount;
  /**
   * The other reported figures' state tensors ({@link ModelDefinition#figures()}), each summed over
   * the replicas (and over the tasks of a collective group): a per-output loss's sum and count, a
   * metric's {@code update} tensors.
   */
  final List<List<Operand<TFloat32>>> figureStates = new ArrayList<>();
  private final Graph graph;
  private final Ops tf;
  private final ModelDefinition model;
  private final VariableStore variables;
  private final List<Replica> replicas = new ArrayList<>();
  private final LossTotals totals;
  /** A collective group's ops (between-graph replication), or null when this process holds all. */
  private final Collectives collectives;
  private Op broadcast;
  private List<Output<TFloat32>> gradients;
  private Op trainStep;
  private Operand<TFloat32> learningRate;
  private Op finalizeStep;

  TrainingGraph(Graph graph, ModelDefinition model, VariableStore variables) {
    this.graph = graph;
    this.model = model;
    this.variables = variables;
    Ops tf = Ops.create(graph);
    this.tf = tf;
    openScopes(model, variables);
    createWeights(model.layers(), variables);
    Map<String, Operand<?>> inputs = placeholders(tf, model);
    trainingFlag = tf.withName("training").placeholderWithDefault(tf.constant(0f), Shape.scalar());
    sampleWeight = sampleWeights(tf, xs.get(0));
    if (!model.replicas().placed()) {
      replicas.add(Replica.build("", model, variables, inputs, ys, sampleWeight, trainingFlag,
          model.seed()));
    } else {
      for (int i = 0; i < model.replicas().count(); i++) {
        replicas.add(replica(tf, model, variables, inputs, i));
      }
    }
    outputs = outputs(tf, model, replicas);
    collectives = model.replicas().isCollective()
        ? new Collectives(tf.withSubScope("collective"), model.replicas().collective()) : null;
    totals = new LossTotals(tf.withSubScope("total_loss"), model, replicas, collectives);
    lossCount = totals.rows();
    List<Operand<TFloat32>> states = new ArrayList<>();
    List<List<Operand<TFloat32>>> local = replicas.get(0).figureStates();
    for (int m = 0; m < local.size(); m++) {
      for (int s = 0; s < local.get(m).size(); s++) {
        int f = m;
        int k = s;
        states.add(LossTotals.total(tf, replicas, r -> r.figureStates().get(f).get(k)));
      }
    }
    LossTotals.Reported reported = totals.reported(states);
    lossSum = reported.lossSum();
    for (int m = 0, at = 0; m < local.size(); at += local.get(m).size(), m++) {
      figureStates.add(List.copyOf(reported.states().subList(at, at + local.get(m).size())));
    }
    if (model.replicas().placed()) {
      buildTraining(); // the graph is placed and copied once, whole
    }
    if (collectives != null) {
      List<Variable<?>> all = new ArrayList<>(variables.paths().stream().map(variables::variable).toList());
      if (variables.iterationsVariable() != null) {
        all.add(variables.iterationsVariable());
      }
      broadcast = collectives.broadcast(all);
    }
  }

  /**
   * In a collective group, the op giving every variable (weights, optimizer slots and step count)
   * the chief's value, which every task runs once before its first training step; null otherwise.
   */
  Op broadcast() {
    return broadcast;
  }

  /**
   * Adds the gradients and the optimizer's step (with the layers' updates) to the graph, once: as
   * Keras builds its train function at the first {@code fit}, a model that only predicts or
   * evaluates never builds them, which halves a large model's graph and its loading time.
   */
  void buildTraining() {
    if (trainStep != null) {
      return;
    }
    if (collectives != null) {
      gradients = CollectiveGradients.summed(graph, tf, totals.seeded(), replicas.get(0).rows(),
          model.optimizer(), variables, collectives);
      trainStep = trainStep(tf, model.optimizer(), variables,
          UpdateAverages.of(tf, replicas.get(0), collectives));
      return;
    }
    // Keras's train step differentiates optimizer.scale_loss(loss) (loss_scale_factor)
    List<Operand<TFloat32>> objectives = totals.objectives().stream()
        .map(o -> model.optimizer().scaleLoss(tf, o)).toList();
    gradients = model.replicas().placed()
        ? ReplicaGradients.summed(graph, tf, objectives,
            replicas.stream().map(Replica::rows).toList(), variables)
        : gradients(graph, tf, objectives.get(0), variables);
    trainStep = trainStep(tf, model.optimizer(), variables, UpdateAverages.of(tf, replicas));
  }

  /**
   * The optimizer's {@code finalize_variable_values} op (built with the training step), or null if
   * the training step is not built or the optimizer has nothing to finalize.
   */
  Op finalizeStep() {
    return finalizeStep;
  }

  /** Whether {@link #buildTraining()} has run. */
  boolean trainingBuilt() {
    return trainStep != null;
  }

  /** The gradients of the mean loss, in trainable-variable order (built on first use). */
  List<Output<TFloat32>> gradients() {
    buildTraining();
    return gradients;
  }

  /** The training step (built on first use). */
  Op trainStep() {
    buildTraining();
    return trainStep;
  }

  /** The input placeholders by input name, and one label placeholder per output. */
  private Map<String, Operand<?>> placeholders(Ops tf, ModelDefinition model) {
    Map<String, Operand<?>> inputs = new LinkedHashMap<>();
    for (int i = 0; i < model.inputs().size(); i++) {
      ModelInput in = model.inputs().get(i);
      Placeholder<?> x = tf.withName(i == 0 ? "x" : "x_" + i)
          .placeholder(HostTypes.tensorType(in.dtype()), Placeholder.shape(in.shape()));
      xs.add(x);
      inputs.put(in.name(), x);
    }
    for (int i = 0; i < model.outputs().size(); i++) {
      ys.add(tf.withName(i == 0 ? "y" : "y_" + i).placeholder(TFloat32.class,
          Placeholder.shape(model.outputs().get(i).labelShape())));
    }
    return inputs;
  }

  /** The {@code sample_weight} placeholder, by default one weight of 1 per row of {@code x}. */
  private static Operand<TFloat32> sampleWeights(Ops tf, Operand<?> x) {
    Operand<TInt32> rows = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    return tf.withName("sample_weight").placeholderWithDefault(tf.fill(rows, tf.constant(1f)),
        Shape.of(-1));
  }

  /**
   * Each output, the replicas' shares concatenated in order; a single replica's through an identity,
   * so that a model whose output is its input (an Activation("linear")) fetches what it feeds.
   */
  private static List<LayerOutput> outputs(Ops tf, ModelDefinition model, List<Replica> replicas) {
    if (replicas.size() == 1) {
      List<LayerOutput> outs = new ArrayList<>();
      for (int i = 0; i < model.outputs().size(); i++) {
        LayerOutput o = replicas.get(0).outputs().get(i);
        outs.add(new LayerOutput(tf.withName(i == 0 ? "output" : "output_" + i).identity(o.value()),
            o.preActivation(), o.activation()));
      }
      return outs;
    }
    List<LayerOutput> all = new ArrayList<>();
    for (int i = 0; i < model.outputs().size(); i++) {
      int k = i;
      all.add(LayerOutput.of(tf.withName(i == 0 ? "output" : "output_" + i).concat(
          replicas.stream().map(r -> r.outputs().get(k).value()).toList(), tf.constant(0))));
    }
    return all;
  }

  /** Replica {@code i}: its share of every input and of the labels, its ops under its prefix. */
  private Replica replica(Ops tf, ModelDefinition model, VariableStore variables,
      Map<String, Operand<?>> inputs, int i) {
    int count = model.replicas().count();
    Ops split = tf.withSubScope("split_" + i);
    Map<String, Operand<?>> shares = new LinkedHashMap<>();
    inputs.forEach((name, x) -> shares.put(name, Replica.share(split, (Operand<?>) x, i, count)));
    List<Operand<TFloat32>> labels = ys.stream().map(y -> Replica.share(split, y, i, count)).toList();
    Operand<TFloat32> weights = Replica.share(split, sampleWeight, i, count);
    return Replica.build(Replicas.prefix(i), model, variables, shares, labels, weights, trainingFlag,
        model.seed() + 1_000_003L * i);
  }

  /**
   * Opens every scope the variables and layers will use while the graph is nearly empty: TensorFlow
   * Java reads every op of the graph each time a scope is opened, so opening one per layer later
   * would make building quadratic in the model's size.
   */
  private static void openScopes(ModelDefinition model, VariableStore variables) {
    List<String> prefixes = new ArrayList<>(List.of(""));
    for (int i = 0; model.replicas().placed() && i < model.replicas().count(); i++) {
      prefixes.add(Replicas.prefix(i));
    }
    for (LayerNode node : model.layers()) {
      for (String prefix : prefixes) {
        variables.scope(prefix + node.name());
        node.layer().scopeNames().forEach(s -> variables.scope(prefix + node.name() + "/" + s));
      }
      for (WeightSpec w : node.weights()) {
        String path = node.weightPath(w);
        String dir = path.substring(0, path.lastIndexOf('/'));
        variables.scope(dir);
        variables.scope("assign/" + dir);
      }
    }
  }

  private static void createWeights(List<LayerNode> layers, VariableStore variables) {
    for (LayerNode node : layers) {
      node.weights().forEach(w ->
          variables.create(node.weightPath(w), w.shape(), w.initializer(), w.trainable()));
    }
  }

  private static List<Output<TFloat32>> gradients(
      Graph graph, Ops tf, Operand<TFloat32> loss, VariableStore variables) {
    List<String> paths = variables.trainablePaths();
    List<Output<?>> targets = paths.stream()
        .<Output<?>>map(p -> variables.variable(p).asOutput()).toList();
    return LossGradients.of(graph, tf, loss, paths, targets, null);
  }

  /**
   * The update ops wait for every gradient (TF1's GATE_GRAPH): VariableV2 updates are in place, and a
   * gradient op still reading a kernel must not see it already stepped. The layers' updates (moving
   * statistics) wait for the same gate, so they run after the forward pass whose statistics they take,
   * and only with a training step.
   */
  private Op trainStep(Ops tf, Optimizer optimizer, VariableStore variables,
      List<Forward.Update> updates) {
    List<Op> gate = new ArrayList<>();
    gradients.forEach(g -> gate.add(tf.identity(g)));
    Op step = optimizerStep(tf, optimizer, variables, gate);
    if (updates.isEmpty()) {
      return step;
    }
    Ops gated = tf.withSubScope("updates").withControlDependencies(gate);
    List<Op> all = new ArrayList<>();
    all.add(step);
    for (Forward.Update u : updates) {
      all.add(gated.assign(variables.variable(u.path()), u.value()));
    }
    return tf.withName("train_step").withControlDependencies(all).noOp();
  }

  private Op optimizerStep(Ops tf, Optimizer optimizer, VariableStore variables, List<Op> gate) {
    List<String> paths = variables.trainablePaths();
    List<Gradient> pairs = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Variable<TFloat32> v = variables.variable(paths.get(i));
      pairs.add(new Gradient(paths.get(i), v, gradients.get(i)));
    }
    variables.reserveScope(optimizer.kerasName());
    Ops gated = tf.withSubScope(optimizer.kerasName()).withControlDependencies(gate);
    String prefix = optimizer.kerasName();
    SlotFactory slots = slotFactory(prefix + "/iteration", variables);
    Op step = optimizer.applyGradients(gated, pairs, slots);
    finalizeStep = optimizer.finalizeVariableValues(tf.withSubScope("finalize_variable_values"),
        pairs, slots);
    learningRate = currentLearningRate(tf.withSubScope(prefix), optimizer, variables);
    return step;
  }

  /** The learning rate of the next step, outside the step's gate so that it can be read alone. */
  private static Operand<TFloat32> currentLearningRate(Ops tf, Optimizer optimizer,
      VariableStore variables) {
    if (optimizer.schedule().isEmpty()) {
      return variables.variable(optimizer.learningRatePath());
    }
    Operand<TInt64> step = variables.iterations(optimizer.kerasName() + "/iteration");
    return optimizer.schedule().get().call(tf.withSubScope("current_learning_rate"),
        tf.dtypes.cast(step, TFloat32.class));
  }

  /** The learning rate of the next training step (built with the training step). */
  Operand<TFloat32> learningRate() {
    buildTraining();
    return learningRate;
  }

  /** The optimizer's variables in {@code variables}: one per path, made at the first request. */
  private static SlotFactory slotFactory(String iterationPath, VariableStore variables) {
    Map<String, Operand<TFloat32>> made = new java.util.HashMap<>();
    return new SlotFactory() {
      @Override
      public Operand<TFloat32> filled(String path, Shape shape, double value) {
        return made.computeIfAbsent(path, p -> variables.filled(p, shape, value));
      }

      @Override
      public Operand<TInt64> iterations() {
        return variables.iterations(iterationPath);
      }
    };
  }
}
