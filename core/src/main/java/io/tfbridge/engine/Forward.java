package io.tfbridge.engine;

import io.tfbridge.layers.LayerContext;
import io.tfbridge.layers.LayerOutput;
import io.tfbridge.layers.MixedPrecision;
import io.tfbridge.layers.WeightSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Adds a model's forward pass to the graph: every layer call in an order where each call follows the
 * calls it reads from, its ops under the layer's name, masks passed on as Keras passes them.
 */
final class Forward {
  private final Ops tf;
  private final java.util.function.Function<String, Ops> scopes;
  private final List<LayerNode> layers;
  private final Host host;
  private final Operand<TFloat32> trainingFlag;
  private final long seed;
  private final Map<TensorRef, Operand<?>> values = new HashMap<>();
  private final TensorCasts casts;
  private final Map<TensorRef, LayerOutput> outputs = new HashMap<>();
  private final Map<TensorRef, Operand<TBool>> masks = new HashMap<>();

  /** A layer's request to set a non-trainable variable with every training step. */
  record Update(String path, Operand<TFloat32> value) {}

  /** What a forward pass adds: the model's outputs, the layers' updates and added losses. */
  record Result(List<LayerOutput> outputs, List<Update> updates, List<Operand<TFloat32>> losses) {}

  /** Where a forward pass reads its weights from and puts what its layers add. */
  interface Host {
    /** The variable (or outer layer's weight) behind weight {@code w} of {@code node}. */
    Operand<TFloat32> weight(LayerNode node, WeightSpec w);

    /** Sets non-trainable weight {@code w} of {@code node} to {@code value} with every training step. */
    void update(LayerNode node, WeightSpec w, Operand<TFloat32> value);

    /** A loss a layer added. */
    void addLoss(Operand<TFloat32> loss);
  }

  private Forward(java.util.function.Function<String, Ops> scopes, List<LayerNode> layers, Host host,
      Operand<TFloat32> trainingFlag, long seed) {
    this.scopes = scopes;
    this.tf = scopes.apply("forward");
    this.layers = layers;
    this.host = host;
    this.trainingFlag = trainingFlag;
    this.seed = seed;
    this.casts = new TensorCasts(tf, values);
  }

  /**
   * Adds the forward pass of {@code model} on {@code inputs} (by input name, any dtype), its weights
   * the model's variables, each layer's ops under scope {@code <prefix><layer>}.
   *
   * @param prefix {@code ""}, or a replica's {@code replica_1/}
   * @param trainingFlag 1 while training, 0 otherwise
   * @param seed the seed each layer's op seeds derive from
   */
  static Result build(String prefix, ModelDefinition model, VariableStore variables,
      Map<String, ? extends Operand<?>> inputs, Operand<TFloat32> trainingFlag, long seed) {
    List<Update> updates = new ArrayList<>();
    List<Operand<TFloat32>> losses = new ArrayList<>();
    Host host = new Host() {
      @Override
      public Operand<TFloat32> weight(LayerNode node, WeightSpec w) {
        return variables.variable(node.weightPath(w));
      }

      @Override
      public void update(LayerNode node, WeightSpec w, Operand<TFloat32> value) {
        updates.add(new Update(node.weightPath(w), value));
      }

      @Override
      public void addLoss(Operand<TFloat32> loss) {
        losses.add(loss);
      }
    };
    List<TensorRef> outputs = model.outputs().stream().map(ModelOutput::tensor).toList();
    return new Result(run(name -> variables.scope(prefix + name), model.layers(), outputs, inputs,
        host, trainingFlag, seed), updates, losses);
  }

  /**
   * Adds the forward pass of {@code layers} on {@code inputs} (by input name), each layer's ops under
   * {@code scopes.apply(name)}, their weights, updates and losses handled by {@code host}, and returns
   * the {@code outputs}.
   */
  static List<LayerOutput> run(java.util.function.Function<String, Ops> scopes, List<LayerNode> layers,
      List<TensorRef> outputs, Map<String, ? extends Operand<?>> inputs, Host host,
      Operand<TFloat32> trainingFlag, long seed) {
    Forward f = new Forward(scopes, layers, host, trainingFlag, seed);
    inputs.forEach((name, x) -> f.values.put(TensorRef.of(name), x));
    for (CallOrder.Step step : CallOrder.of(layers, inputs.keySet())) {
      f.run(step);
    }
    List<LayerOutput> out = new ArrayList<>();
    for (TensorRef ref : outputs) {
      LayerOutput o = f.outputs.get(ref);
      // a mixed layer's bfloat16 output reaches the loss and the caller as float32, as in Keras
      out.add(o != null && o.value().type() == TFloat32.class ? o : LayerOutput.of(f.floats(ref)));
    }
    return out;
  }

  private void run(CallOrder.Step step) {
    LayerNode node = layers.get(step.layer());
    LayerCall call = node.calls().get(step.call());
    MixedPrecision mode = node.layer().dtypePolicy().isMixed() ? node.layer().mixedPrecision() : null;
    List<Operand<TFloat32>> in = call.args().stream().map(a -> casts.input(a, mode)).toList();
    List<Operand<TBool>> inMasks = inputMasks(call);
    Context context = new Context(node, call, mode, inMasks,
        seed * 31 + step.layer() + 1 + 7919L * step.call());
    LayerOutput out = node.layer().call(context, in);
    if (mode == MixedPrecision.FLOAT32_INSIDE) {
      out = LayerOutput.of(TensorCasts.bfloat16(context.tf(), out.value()));
    }
    TensorRef ref = TensorRef.of(node.name(), step.call());
    outputs.put(ref, out);
    values.put(ref, out.value());
    Operand<TBool> mask = node.layer().computeMask(context, in, inMasks);
    if (mask != null) {
      masks.put(ref, mask);
    }
  }

  /**
   * The masks of a call's positional inputs: those the layers before it made, or the one a config
   * passes explicitly ({@code mask=T}, T an op node's 1/0 tensor), which replaces the first input's.
   */
  private List<Operand<TBool>> inputMasks(LayerCall call) {
    List<Operand<TBool>> in = new ArrayList<>();
    call.args().forEach(a -> in.add(masks.get(a)));
    if (call.kwargs().get("mask") instanceof TensorRef explicit && !in.isEmpty()) {
      in.set(0, tf.math.notEqual(floats(explicit), tf.constant(0f)));
    }
    return in;
  }

  /** A tensor as float32: a float32 layer's output as is, anything else cast once. */
  private Operand<TFloat32> floats(TensorRef ref) {
    return casts.floats(ref);
  }

  /** The {@link LayerContext} of one call. */
  private final class Context implements LayerContext {
    private final LayerNode node;
    private final LayerCall call;
    private final Ops ops;
    private final MixedPrecision mode;
    private final List<Operand<TBool>> inputMasks;
    private final Map<String, Object> arguments = new LinkedHashMap<>();
    private final long callSeed;

    Context(LayerNode node, LayerCall call, MixedPrecision mode, List<Operand<TBool>> inputMasks,
        long callSeed) {
      this.node = node;
      this.call = call;
      this.mode = mode;
      this.ops = scopes.apply(node.name());
      this.inputMasks = inputMasks;
      this.callSeed = callSeed;
      call.kwargs().forEach((k, v) -> arguments.put(k, v instanceof TensorRef t ? floats(t) : v));
    }

    @Override
    public Ops tf() {
      return ops;
    }

    @Override
    public Operand<TFloat32> weight(String name) {
      Operand<TFloat32> variable = host.weight(node, spec(name));
      // Keras's AutocastVariable: a mixed layer reads its float32 variables in its compute dtype
      return mode == MixedPrecision.COMPUTE_DTYPE ? TensorCasts.bfloat16(ops, variable) : variable;
    }

    /**
     * The model's training flag. A {@code training} keyword recorded in a config is only a default
     * that Keras's fit, evaluate and predict always override, so it is not read here.
     */
    @Override
    public Operand<TFloat32> trainingFlag() {
      return trainingFlag;
    }

    @Override
    public long seed() {
      return callSeed;
    }

    @Override
    public void addUpdate(String name, Operand<TFloat32> newValue) {
      WeightSpec w = spec(name);
      if (w.trainable()) {
        throw new IllegalStateException("Layer \"" + node.name() + "\": weight '" + name
            + "' is trainable; only non-trainable weights take updates");
      }
      host.update(node, w, newValue);
    }

    @Override
    public List<Operand<TBool>> inputMasks() {
      return inputMasks;
    }

    @Override
    public Object argument(String name) {
      return arguments.get(name);
    }

    @Override
    public Operand<?> rawInput(int index) {
      return values.get(call.args().get(index));
    }

    @Override
    public void addLoss(Operand<TFloat32> loss) {
      host.addLoss(loss);
    }

    @Override
    public Ops scope(String name) {
      return scopes.apply(node.name() + "/" + name);
    }

    private WeightSpec spec(String name) {
      for (WeightSpec w : node.weights()) {
        if (w.name().equals(name)) {
          return w;
        }
      }
      throw new IllegalStateException(
          "Layer \"" + node.name() + "\" has no weight '" + name + "'; it has " + node.weights());
    }
  }
}
