package io.tfbridge.layers;

import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code MultiHeadAttention} over sequences: {@code query (B, T, dq)} attends to
 * {@code value (B, S, dv)} through {@code key (B, S, dk)} (the value when not given) with
 * {@code num_heads} heads of size {@code key_dim} ({@code value_dim} for the values), and the heads
 * are projected back to {@code dq} features (or {@code output_shape}).
 *
 * <p>Call arguments as Keras's: {@code apply(query, value[, key])} and keywords
 * {@code attention_mask} (a {@code (B, T, S)} 1/0 tensor) and {@code use_causal_mask}. The masks of
 * the query, value and key (from Embedding(mask_zero) or Masking) and the causal mask are AND-ed into
 * the attention mask as Keras does; the output carries the query's mask. Without dropout a query
 * whose keys are all masked attends to every key evenly, with dropout to none, both as in Keras.
 * {@code return_attention_scores} (a second output) is not supported, nor attention over other axes
 * than the sequence.
 *
 * <p>Weights, in Keras's order and {@code .keras} groups: {@code query_dense} kernel
 * {@code (dq, heads, key_dim)} and bias {@code (heads, key_dim)}, {@code key_dense}, {@code value_dense}
 * (with value_dim), {@code output_dense} kernel {@code (heads, value_dim, out)} and bias {@code (out)}.
 *
 * <pre>{@code
 * KerasTensor x = Input.of(10, 16).tensor();
 * KerasTensor attended = MultiHeadAttention.of(2, 8).apply(List.of(x, x),
 *     Map.of("use_causal_mask", true));
 * }</pre>
 */
public final class MultiHeadAttention extends Layer<MultiHeadAttention> {
  private static final String[] DENSE = {"query", "key", "value", "attention_output"};
  private final int numHeads;
  private final int keyDim;
  private Integer valueDim;
  private double dropout;
  private boolean useBias = true;
  private Integer outputDim;
  private Initializer kernelInitializer = GlorotUniform.of();
  private Initializer biasInitializer = Zeros.of();

  private MultiHeadAttention(int numHeads, int keyDim) {
    if (numHeads <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `num_heads`, "
          + "expected a positive integer. Received: num_heads=" + numHeads);
    }
    if (keyDim <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `key_dim`, "
          + "expected a positive integer. Received: key_dim=" + keyDim);
    }
    this.numHeads = numHeads;
    this.keyDim = keyDim;
  }

  /** Attention with {@code numHeads} heads of size {@code keyDim} for queries and keys. */
  public static MultiHeadAttention of(int numHeads, int keyDim) {
    return new MultiHeadAttention(numHeads, keyDim);
  }

  /** A copy with values projected to heads of this size (Keras's {@code value_dim}; default key_dim). */
  public MultiHeadAttention valueDim(int valueDim) {
    if (valueDim <= 0) {
      throw new IllegalArgumentException("Received an invalid value for argument `value_dim`, "
          + "expected a positive integer or `None`. Received: value_dim=" + valueDim);
    }
    MultiHeadAttention copy = copy();
    copy.valueDim = valueDim;
    return copy;
  }

  /** A copy dropping attention scores at this rate while training (default 0). */
  public MultiHeadAttention dropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `dropout`. Expected a "
          + "float value between 0 and 1. Received: dropout=" + rate);
    }
    MultiHeadAttention copy = copy();
    copy.dropout = rate;
    return copy;
  }

  /** A copy with or without the projections' biases (default true). */
  public MultiHeadAttention useBias(boolean useBias) {
    MultiHeadAttention copy = copy();
    copy.useBias = useBias;
    return copy;
  }

  /** A copy projecting the output to {@code features} (Keras's {@code output_shape}; default dq). */
  public MultiHeadAttention outputShape(int features) {
    if (features <= 0) {
      throw new IllegalArgumentException("Invalid `output_shape`: " + features);
    }
    MultiHeadAttention copy = copy();
    copy.outputDim = features;
    return copy;
  }

  /** A copy with this kernel initializer for the four projections (default glorot_uniform). */
  public MultiHeadAttention kernelInitializer(Initializer initializer) {
    MultiHeadAttention copy = copy();
    copy.kernelInitializer = initializer;
    return copy;
  }

  /** A copy with this bias initializer for the four projections (default zeros). */
  public MultiHeadAttention biasInitializer(Initializer initializer) {
    MultiHeadAttention copy = copy();
    copy.biasInitializer = initializer;
    return copy;
  }

  /** The number of heads. */
  public int numHeads() {
    return numHeads;
  }

  /** The query and key head size. */
  public int keyDim() {
    return keyDim;
  }

  /** The value head size. */
  public int valueDim() {
    return valueDim == null ? keyDim : valueDim;
  }

  /** The attention-score dropout rate. */
  public double dropout() {
    return dropout;
  }

  @Override
  public String className() {
    return "MultiHeadAttention";
  }

  @Override
  public String namePrefix() {
    return "multi_head_attention";
  }

  /**
   * The keywords tfbridge reads: attention_mask and use_causal_mask (query, value and key go
   * positionally; return_attention_scores, a second output, is refused as unknown).
   */
  @Override
  public Set<String> callKeywords() {
    return Set.of("training", "mask", "attention_mask", "use_causal_mask");
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return outputShape(layerName, List.of(input));
  }

  @Override
  public Shape outputShape(String layerName, List<Shape> inputs) {
    if (inputs.size() < 2 || inputs.size() > 3) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (MultiHeadAttention) expects "
          + "query and value (and optionally key), but it received " + inputs.size() + " input tensors");
    }
    for (Shape s : inputs) {
      Shapes.requireRank(layerName, s, 3, 3);
      Shapes.knownLastAxis(layerName, s);
    }
    Shape query = inputs.get(0);
    Shape value = inputs.get(1);
    Shape key = inputs.size() == 3 ? inputs.get(2) : value;
    if (value.get(1) != key.get(1)) {
      throw new IllegalArgumentException("All dimensions of `value` and `key`, except the last one, "
          + "must be equal. Received: value_shape=" + Shapes.format(value) + " and key_shape="
          + Shapes.format(key) + " (layer \"" + layerName + "\")");
    }
    return Shape.of(query.get(0), query.get(1), outputDim == null ? query.get(2) : outputDim);
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    long[] in = {inputs.get(0).get(2), key(inputs).get(2), inputs.get(1).get(2)};
    long[] heads = {keyDim, keyDim, valueDim()};
    long out = outputDim == null ? inputs.get(0).get(2) : outputDim;
    List<WeightSpec> specs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      addDense(specs, i, Shape.of(in[i], numHeads, heads[i]), Shape.of(numHeads, heads[i]));
    }
    addDense(specs, 3, Shape.of(numHeads, valueDim(), out), Shape.of(out));
    return specs;
  }

  private void addDense(List<WeightSpec> specs, int i, Shape kernel, Shape bias) {
    String group = i == 3 ? "output_dense" : DENSE[i] + "_dense";
    specs.add(WeightSpec.trainable(DENSE[i] + "/kernel", kernel, kernelInitializer).inGroup(group));
    if (useBias) {
      specs.add(WeightSpec.trainable(DENSE[i] + "/bias", bias, biasInitializer).inGroup(group));
    }
  }

  private static <T> T key(List<T> inputs) {
    return inputs.size() == 3 ? inputs.get(2) : inputs.get(1);
  }

  @Override
  public LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    Ops tf = context.tf();
    Operand<TFloat32> q = project(context, 0, inputs.get(0), "abc,cde->abde");
    Operand<TFloat32> k = project(context, 1, key(inputs), "abc,cde->abde");
    Operand<TFloat32> v = project(context, 2, inputs.get(1), "abc,cde->abde");
    Operand<TBool> mask = attentionMask(context, inputs);
    float scale = (float) (1.0 / Math.sqrt(keyDim));
    Operand<TFloat32> attended = dropout == 0
        ? AttentionOps.dotProduct(tf, q, k, v, mask, scale)
        : AttentionOps.withScoreDropout(tf, q, k, v, mask, scale, s -> Dropout.of(dropout)
            .call(new WrappedContext(context, "", "dropout", List.of(s), List.of(), 1), s).value());
    return LayerOutput.of(project(context, 3, attended, "abcd,cde->abe"));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    throw new IllegalStateException("MultiHeadAttention takes query and value");
  }

  /** EinsumDense: {@code x . kernel (+ bias)} for projection {@code i}. */
  private Operand<TFloat32> project(LayerContext context, int i, Operand<TFloat32> x, String equation) {
    Ops tf = context.tf();
    Operand<TFloat32> y = tf.linalg.einsum(List.of(x, context.weight(DENSE[i] + "/kernel")), equation);
    return useBias ? tf.math.add(y, context.weight(DENSE[i] + "/bias")) : y;
  }

  /**
   * Keras's {@code _compute_attention_mask}: the query mask {@code (B, T, 1)}, the value and key masks
   * {@code (B, 1, S)}, the causal mask {@code (1, T, S)} and the attention_mask argument, AND-ed.
   */
  private Operand<TBool> attentionMask(LayerContext context, List<Operand<TFloat32>> inputs) {
    Ops tf = context.tf();
    List<Operand<TBool>> masks = context.inputMasks();
    Operand<TBool> mask = null;
    for (int i = 0; i < masks.size(); i++) {
      if (masks.get(i) != null) {
        mask = AttentionOps.and(tf, mask, tf.expandDims(masks.get(i), tf.constant(i == 0 ? -1 : -2)));
      }
    }
    if (Boolean.TRUE.equals(context.argument("use_causal_mask"))) {
      mask = AttentionOps.and(tf, mask, AttentionOps.causal(tf, inputs.get(0).shape().get(1),
          inputs.get(1).shape().get(1)));
    }
    if (context.argument("attention_mask") instanceof Operand<?> given) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> m = (Operand<TFloat32>) given;
      mask = AttentionOps.and(tf, tf.math.notEqual(m, tf.constant(0f)), mask);
    }
    return mask;
  }

  /**
   * No {@code input_shape} build config: Keras builds MultiHeadAttention from its query, value and key
   * shapes ({@code shapes_dict}), which it also does when the layer is first called on load.
   */
  @Override
  public boolean hasBuildConfig() {
    return false;
  }

  /** Keras's {@code supports_masking}: the output carries the query's mask. */
  @Override
  public boolean supportsMasking() {
    return true;
  }

  @Override
  public Config getConfig() {
    Config.Builder b = Config.builder().put("num_heads", numHeads).put("key_dim", keyDim)
        .put("value_dim", valueDim()).put("dropout", dropout).put("use_bias", useBias)
        .put("use_gate", false).put("output_shape", outputDim == null ? null : List.of(outputDim))
        .put("attention_axes", List.of(1)).putNull("sliding_window")
        .put("kernel_initializer", Initializers.serialize(kernelInitializer))
        .put("bias_initializer", Initializers.serialize(biasInitializer));
    return b.putNull("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "seed").build();
  }

  /** Reads Keras's MultiHeadAttention config (attention over the sequence axis only). */
  public static MultiHeadAttention fromConfig(ConfigReader c) {
    MultiHeadAttention mha = of(c.getInt("num_heads"), c.getInt("key_dim"))
        .dropout(c.getDouble("dropout", 0.0)).useBias(c.getBool("use_bias", true))
        .kernelInitializer(c.initializer("kernel_initializer", GlorotUniform.of()))
        .biasInitializer(c.initializer("bias_initializer", Zeros.of()));
    if (c.get("value_dim") != null) {
      mha = mha.valueDim(c.getInt("value_dim"));
    }
    if (c.get("output_shape") != null) {
      mha = mha.outputShape(c.getInts("output_shape", 1, null)[0]);
    }
    Object axes = c.get("attention_axes");
    if (axes != null && !List.of(1).equals(numbers(axes)) && !List.of(-2).equals(numbers(axes))) {
      throw c.unsupported("attention_axes=" + axes + " (tfbridge attends over the sequence axis, 1)");
    }
    c.requireDefault("use_gate", false);
    c.ignore("seed", "flash_attention");
    return mha;
  }

  private static List<Integer> numbers(Object axes) {
    List<?> list = axes instanceof List<?> l ? l : List.of(axes);
    return list.stream().map(a -> a instanceof Number n ? n.intValue() : null).toList();
  }
}
