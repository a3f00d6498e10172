package io.tfbridge.layers;

import io.tfbridge.dtypepolicies.DTypePolicy;
import io.tfbridge.saving.Config;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * An immutable layer spec: Keras's config (class name, layer name, options), the output shape and the
 * weights it needs for an input shape, and the ops of its forward pass.
 *
 * <p>Fluent methods return a modified copy; a spec is never changed after it is made, so one spec may
 * appear in several models.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class Layer<L extends Layer<L>> implements Cloneable {
  private String name;
  private Shape inputShape;
  private boolean trainable = true;
  private DTypePolicy dtypePolicy = DTypePolicy.globalPolicy();

  /** The Keras class name, e.g. {@code "Dense"}. */
  public abstract String className();

  /** The snake-case stem Keras numbers auto-generated layer names from, e.g. {@code "conv2d"}. */
  public abstract String namePrefix();

  /** The name given with {@link #name(String)}, if any; a model names the others Keras's way. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** A copy named {@code name} (Keras's {@code name=} argument). */
  public L name(String name) {
    L copy = copy();
    ((Layer<L>) copy).name = requireName(name);
    return copy;
  }

  /** Whether training updates this layer's weights (Keras's {@code trainable}, default true). */
  public boolean trainable() {
    return trainable;
  }

  /**
   * A copy whose weights training updates or leaves alone (Keras's {@code layer.trainable = False}):
   * a frozen layer's weights are non-trainable, and a frozen BatchNormalization runs in inference
   * mode, as in Keras.
   */
  public L trainable(boolean trainable) {
    L copy = copy();
    ((Layer<L>) copy).trainable = trainable;
    return copy;
  }

  /**
   * The layer's dtype policy (Keras's {@code layer.dtype_policy}): the global policy when the layer
   * was made ({@link DTypePolicy#setGlobalPolicy}), unless given with {@link #dtype(String)}.
   */
  public DTypePolicy dtypePolicy() {
    return dtypePolicy;
  }

  /**
   * A copy with this dtype policy (Keras's {@code dtype=}): {@code "float32"} or
   * {@code "mixed_bfloat16"}, e.g. {@code Dense.of(10).activation("softmax").dtype("float32")} for the
   * output layer of a mixed model.
   *
   * @throws IllegalArgumentException for another policy, or a mixed one this layer cannot run yet
   */
  public L dtype(String policy) {
    return dtype(DTypePolicy.of(policy));
  }

  /** A copy with this dtype policy; see {@link #dtype(String)}. */
  public L dtype(DTypePolicy policy) {
    L copy = copy();
    ((Layer<L>) copy).dtypePolicy = policy;
    copy.checkDtypePolicy(name().orElse(namePrefix()));
    return copy;
  }

  /**
   * How this layer runs under a mixed policy; {@link MixedPrecision#UNSUPPORTED} unless the layer
   * declares otherwise.
   */
  public MixedPrecision mixedPrecision() {
    return MixedPrecision.UNSUPPORTED;
  }

  /**
   * Refuses a mixed policy this layer cannot run, naming the layer, the policy and the supported
   * layers; a model checks each layer when it places it.
   *
   * @throws IllegalArgumentException if the policy is mixed and the layer does not support it
   */
  public void checkDtypePolicy(String layerName) {
    if (dtypePolicy.isMixed() && mixedPrecision() == MixedPrecision.UNSUPPORTED) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (" + className()
          + ") does not support dtype policy " + dtypePolicy.name() + " yet; supported: "
          + "float32 for every layer, " + dtypePolicy.name() + " for " + MixedPrecision.layerNames());
    }
  }

  /**
   * Keras's {@code get_config()} without {@code name}, {@code trainable} and {@code dtype} (which
   * every layer writes): this layer's options in Keras's key order, with Keras's values for the
   * options tfbridge does not have (null regularizers and constraints). The layer's class reads them
   * back in a static {@code fromConfig(ConfigReader)} registered in {@link KerasLayers}.
   */
  public abstract Config getConfig();

  /** The Python module Keras files name for this class ({@code keras.layers} for Keras's layers). */
  public String module() {
    return "keras.layers";
  }

  /** The name a custom layer class is registered under in Keras ({@code registered_name}); null for Keras's own. */
  public String registeredName() {
    return null;
  }

  /**
   * Whether Keras writes a {@code build_config} (the input shape) for this layer: true for layers
   * that build state, false for Keras's weightless layers that have no build step.
   */
  public boolean hasBuildConfig() {
    return true;
  }

  /**
   * Whether Keras's config of this class holds {@code trainable}: true for nearly every layer, false
   * for the few whose Keras constructor refuses it (Keras's SpatialDropout layers write only rate,
   * seed, name, dtype and data_format, and cannot be rebuilt from a config that has trainable).
   */
  public boolean configHasTrainable() {
    return true;
  }

  /**
   * Whether this layer's Keras config carries {@code dtype}: true for layers, false for Keras op
   * nodes ({@link NumpyOp}), whose constructors take neither {@code trainable} nor {@code dtype}.
   */
  public boolean configHasDtype() {
    return true;
  }

  /** The input shape without the batch dimension, if given (Keras's {@code input_shape=}). */
  public Optional<Shape> inputShape() {
    return Optional.ofNullable(inputShape);
  }

  /** A copy that declares the model's input shape, without the batch dimension: {@code inputShape(4)}. */
  public L inputShape(long... dims) {
    L copy = copy();
    ((Layer<L>) copy).inputShape = Shapes.checkedFeatureShape(className(), dims);
    return copy;
  }

  /**
   * The output shape for {@code input} (batch dimension first, {@code -1} when unknown).
   *
   * @throws IllegalArgumentException if the input is incompatible with this layer, naming the layer,
   *     the expected and the found shape
   */
  public abstract Shape outputShape(String layerName, Shape input);

  /** The weights this layer needs for {@code input}, in Keras's {@code get_weights()} order. */
  public List<WeightSpec> weights(Shape input) {
    return List.of();
  }

  /** Adds this layer's forward pass to the graph. */
  public abstract LayerOutput call(LayerContext context, Operand<TFloat32> input);

  /**
   * The output shape for a layer's inputs; a single-input layer takes exactly one. A merge layer
   * ({@link Concatenate}, {@link Add}) overrides it.
   */
  public Shape outputShape(String layerName, List<Shape> inputs) {
    return outputShape(layerName, single(layerName, inputs));
  }

  /**
   * The output shape of a call with keyword tensors too ({@code kwargShapes}: e.g. MultiHeadAttention's
   * {@code key}); most layers take none, and this is {@link #outputShape(String, List)}.
   */
  public Shape outputShape(String layerName, List<Shape> inputs, Map<String, Shape> kwargShapes) {
    return outputShape(layerName, inputs);
  }

  /**
   * The keyword arguments a call of this layer may carry in a Keras config: {@code training} and
   * {@code mask} for every layer; a layer with more ({@code attention_mask}) adds them.
   */
  public Set<String> callKeywords() {
    return Set.of("training", "mask");
  }

  /**
   * Whether this layer passes a mask on (Keras's {@code supports_masking}): a layer that does not
   * drops the mask of its input, as in Keras.
   */
  public boolean supportsMasking() {
    return false;
  }

  /**
   * Keras's {@code compute_mask}: the mask of this layer's output, given its inputs and their masks
   * (null entries where an input has none). By default the first input's mask when the layer
   * {@link #supportsMasking() supports masking}, else none; a layer that makes a mask (Embedding with
   * mask_zero, Masking) or ends one (an RNN returning its last step) overrides it.
   *
   * @return the output mask, or null
   */
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return supportsMasking() && !masks.isEmpty() ? masks.get(0) : null;
  }

  /**
   * The names of the parts of this layer its call asks {@link LayerContext#scope(String)} for (a
   * nested model's inner layers, a wrapper's wrapped layer; {@code a/b} for a part of a part): the
   * engine opens these scopes before it builds the graph, while that is cheap.
   */
  public List<String> scopeNames() {
    return List.of();
  }

  /**
   * Whether a call takes its tensors as one list ({@code Concatenate()([a, b])}), as merge layers do,
   * rather than as separate positional arguments.
   */
  public boolean takesList() {
    return false;
  }

  /** The weights this layer needs for its inputs. */
  public List<WeightSpec> weights(List<Shape> inputs) {
    return weights(inputs.get(0));
  }

  /** Adds this layer's forward pass on its inputs to the graph. */
  public LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    return call(context, inputs.get(0));
  }

  /**
   * Applies this layer to symbolic inputs, as Keras's {@code layer(x)} in a functional model; the
   * shape is checked at once. Applying the same spec object again shares its weights, as a Keras
   * layer object called twice does; fluent methods return new specs, hence new layers.
   *
   * <pre>{@code
   * KerasTensor a = Input.of(4).name("a").tensor();
   * KerasTensor b = Input.of(3).name("b").tensor();
   * KerasTensor merged = Concatenate.of().apply(a, b);
   * KerasTensor out = Dense.of(2).activation("softmax").apply(merged);
   * }</pre>
   */
  public KerasTensor apply(KerasTensor... inputs) {
    return KerasTensor.of(this, List.of(inputs), Map.of());
  }

  /**
   * Applies this layer with keyword arguments too, as Keras's {@code layer(q, v, use_causal_mask=True)}
   * or {@code base(x, training=False)}: values are tensors or constants, keys among
   * {@link #callKeywords()}.
   */
  public KerasTensor apply(List<KerasTensor> inputs, Map<String, Object> kwargs) {
    return KerasTensor.of(this, inputs, kwargs);
  }

  private <T> T single(String layerName, List<T> inputs) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (" + className()
          + ") expects 1 input, but it received " + inputs.size() + " input tensors");
    }
    return inputs.get(0);
  }

  /** A shallow copy for a fluent method to modify before returning it. */
  @SuppressWarnings("unchecked")
  protected final L copy() {
    try {
      return (L) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException(
          "A layer name must be non-empty and contain no '/', found: " + name);
    }
    return name;
  }
}
