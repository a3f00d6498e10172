package io.tfbridge.layers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Bidirectional} wrapper: a recurrent layer run forwards ({@code forward_<name>}) and a
 * copy of it run backwards ({@code backward_<name>}, or a given backward layer), their outputs merged
 * by {@code merge_mode}: {@code concat} (default; forward then backward), {@code sum}, {@code mul} or
 * {@code ave}. With return_sequences the backward sequence is turned back into time order before the
 * merge, and, as in Keras, masked steps output zeros in both directions (the wrapped layers'
 * {@code zero_output_for_mask} is set to return_sequences).
 *
 * <p>Weights: the forward layer's, then the backward layer's, in the {@code .keras} groups
 * {@code forward_layer/cell} and {@code backward_layer/cell}, as Keras keeps them.
 *
 * <pre>{@code
 * Bidirectional bi = Bidirectional.of(LSTM.of(16).returnSequences(true)).mergeMode("sum");
 * }</pre>
 */
public final class Bidirectional extends Layer<Bidirectional> {
  private static final List<String> MERGE_MODES = List.of("concat", "sum", "mul", "ave");
  private final RecurrentLayer<?> forward;
  private final RecurrentLayer<?> backward;
  private String mergeMode = "concat";

  private Bidirectional(RecurrentLayer<?> forward, RecurrentLayer<?> backward) {
    if (forward.goBackwards() == backward.goBackwards()) {
      throw new IllegalArgumentException("Forward layer and backward layer should have different "
          + "`go_backwards` value. Received: forward_layer.go_backwards " + forward.goBackwards()
          + ", backward_layer.go_backwards=" + backward.goBackwards());
    }
    if (forward.returnSequences() != backward.returnSequences()) {
      throw new IllegalArgumentException("Forward layer and backward layer are expected to have the "
          + "same value for attribute \"return_sequences\", got \"" + forward.returnSequences()
          + "\" for forward layer and \"" + backward.returnSequences() + "\" for backward layer");
    }
    this.forward = forward.zeroOutputForMask(forward.returnSequences());
    this.backward = backward.zeroOutputForMask(backward.returnSequences());
  }

  /**
   * {@code layer} run forwards, and a copy of it with go_backwards run backwards; named
   * {@code forward_<name>} and {@code backward_<name>} after the layer's name (its class stem when
   * unnamed).
   */
  public static Bidirectional of(RecurrentLayer<?> layer) {
    Objects.requireNonNull(layer, "layer");
    String name = Wrapped.nameOf(layer);
    return new Bidirectional(layer.name("forward_" + strip(name, "forward_")),
        layer.goBackwards(!layer.goBackwards()).name("backward_" + strip(name, "backward_")));
  }

  /**
   * A copy whose backward direction is {@code layer} (Keras's {@code backward_layer}): it must run
   * the other way (go_backwards) and agree on return_sequences.
   */
  public Bidirectional backwardLayer(RecurrentLayer<?> layer) {
    Objects.requireNonNull(layer, "backward_layer");
    RecurrentLayer<?> named = layer.name().isPresent() ? layer
        : layer.name("backward_" + layer.namePrefix());
    Bidirectional copy = new Bidirectional(forward, named);
    copy.mergeMode = mergeMode;
    return copy.withCommon(this);
  }

  /** A copy merging the two directions by {@code mode}: concat, sum, mul or ave. */
  public Bidirectional mergeMode(String mode) {
    if (mode == null) {
      throw new IllegalArgumentException("Bidirectional merge_mode=None (two outputs) is not "
          + "supported by tfbridge: layers have one output; use concat, sum, mul or ave");
    }
    if (!MERGE_MODES.contains(mode)) {
      throw new IllegalArgumentException("Invalid merge mode. Received: " + mode
          + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
    }
    Bidirectional copy = copy();
    copy.mergeMode = mode;
    return copy;
  }

  /** The forward layer. */
  public RecurrentLayer<?> forwardLayer() {
    return forward;
  }

  /** The backward layer. */
  public RecurrentLayer<?> backwardLayer() {
    return backward;
  }

  /** How the two directions are merged. */
  public String mergeMode() {
    return mergeMode;
  }

  /** Refuses a mixed policy on the wrapped layer too: it runs inside this layer's call. */
  @Override
  public void checkDtypePolicy(String layerName) {
    super.checkDtypePolicy(layerName);
    MixedPrecision.checkWrapped(layerName, this, forward);
    MixedPrecision.checkWrapped(layerName, this, backward);
  }

  @Override
  public String className() {
    return "Bidirectional";
  }

  @Override
  public String namePrefix() {
    return "bidirectional";
  }

  /**
   * The forward layer's output shape, with twice the features for concat. Both directions must give
   * the same shape, as Keras's output shape assumes.
   */
  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shape out = forward.outputShape(layerName, input);
    Shape other = backward.outputShape(layerName, input);
    if (!java.util.Arrays.equals(out.asArray(), other.asArray())) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (Bidirectional): the forward "
          + "and backward layers must give outputs of one shape, found " + Shapes.format(out)
          + " and " + Shapes.format(other));
    }
    if (!mergeMode.equals("concat")) {
      return out;
    }
    long[] dims = out.asArray();
    dims[dims.length - 1] *= 2;
    return Shape.of(dims);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    List<WeightSpec> specs = new ArrayList<>();
    forward.weights(input).forEach(w -> specs.add(w.inGroup("forward_layer").prefixed(name(forward))));
    backward.weights(input).forEach(w -> specs.add(w.inGroup("backward_layer").prefixed(name(backward))));
    return specs;
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    Ops tf = context.tf();
    Operand<TFloat32> y = run(context, forward, input, 1);
    Operand<TFloat32> yRev = run(context, backward, input, 2);
    if (forward.returnSequences()) {
      yRev = tf.reverse(yRev, tf.constant(new int[] {1}));
    }
    return LayerOutput.of(switch (mergeMode) {
      case "concat" -> tf.concat(List.of(y, yRev), tf.constant(-1));
      case "sum" -> tf.math.add(y, yRev);
      case "mul" -> tf.math.mul(y, yRev);
      default -> tf.math.div(tf.math.add(y, yRev), tf.constant(2f));
    });
  }

  private static Operand<TFloat32> run(LayerContext context, RecurrentLayer<?> layer,
      Operand<TFloat32> input, long seedOffset) {
    List<Operand<TBool>> masks = new ArrayList<>();
    masks.add(context.mask());
    return layer.call(new WrappedContext(context, name(layer), name(layer), List.of(input), masks,
        seedOffset), input).value();
  }

  @Override
  public boolean supportsMasking() {
    return true;
  }

  /** The input's mask with return_sequences, else none. */
  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return forward.returnSequences() && !masks.isEmpty() ? masks.get(0) : null;
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("merge_mode", mergeMode)
        .put("layer", Wrapped.serialize(forward, name(forward)))
        .put("backward_layer", Wrapped.serialize(backward, name(backward))).build();
  }

  /** Reads Keras's Bidirectional config: the forward layer, the backward layer and merge_mode. */
  public static Bidirectional fromConfig(ConfigReader c) {
    Bidirectional bi = of(recurrent(c, "layer"));
    Layer<?> backward = Wrapped.read(c, "backward_layer");
    if (backward != null) {
      bi = bi.backwardLayer(recurrent(c, backward));
    }
    Object mode = c.get("merge_mode");
    if (mode == null && c.has("merge_mode")) {
      throw c.unsupported("merge_mode=None (two outputs; tfbridge layers have one)");
    }
    return bi.mergeMode(c.getString("merge_mode", "concat"));
  }

  private static RecurrentLayer<?> recurrent(ConfigReader c, String key) {
    Layer<?> layer = Wrapped.read(c, key);
    if (layer == null) {
      throw c.error("the config has no `" + key + "`");
    }
    return recurrent(c, layer);
  }

  private static RecurrentLayer<?> recurrent(ConfigReader c, Layer<?> layer) {
    if (!(layer instanceof RecurrentLayer<?> r)) {
      throw c.unsupported("a wrapped " + layer.className() + " (tfbridge wraps SimpleRNN, LSTM and GRU)");
    }
    return r;
  }

  private Bidirectional withCommon(Bidirectional from) {
    Bidirectional copy = this;
    if (from.name().isPresent()) {
      copy = copy.name(from.name().get());
    }
    return from.trainable() ? copy : copy.trainable(false);
  }

  private static String name(Layer<?> layer) {
    return layer.name().orElseThrow();
  }

  private static String strip(String name, String prefix) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }
}
