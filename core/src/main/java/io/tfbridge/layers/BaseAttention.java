package io.tfbridge.layers;

import io.tfbridge.saving.ConfigReader;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * What Keras's {@link Attention} and {@link AdditiveAttention} share: called on a list
 * {@code [query (B, Tq, dim), value (B, Tv, dim)]} or {@code [query, value, key]}, scores
 * {@code (B, Tq, Tv)} from query and key, a softmax over the value steps (masked value steps and, with
 * {@code use_causal_mask}, later steps get {@code score - 1e9}), dropout on the weights while training,
 * the weighted sum of the values, and zeros at masked query steps; the output carries the query's mask.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class BaseAttention<L extends BaseAttention<L>> extends Layer<L> {
  boolean useScale;
  double dropout;

  BaseAttention(boolean useScale) {
    this.useScale = useScale;
  }

  /** A copy with or without the trainable score scale (Keras's {@code use_scale}). */
  public L useScale(boolean useScale) {
    L copy = copy();
    ((BaseAttention<L>) copy).useScale = useScale;
    return copy;
  }

  /** A copy dropping attention weights at this rate while training (default 0). */
  public L dropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("Invalid value received for argument `dropout`. Expected a "
          + "float value between 0 and 1. Received: dropout=" + rate);
    }
    L copy = copy();
    ((BaseAttention<L>) copy).dropout = rate;
    return copy;
  }

  /** Whether the scores are scaled by a trainable weight. */
  public boolean useScale() {
    return useScale;
  }

  /** The attention-weight dropout rate. */
  public double dropout() {
    return dropout;
  }

  /** The scores {@code (B, Tq, Tv)} of query {@code (B, Tq, dim)} against key {@code (B, Tv, dim)}. */
  abstract Operand<TFloat32> scores(LayerContext context, Operand<TFloat32> query,
      Operand<TFloat32> key);

  @Override
  public boolean takesList() {
    return true;
  }

  @Override
  public Set<String> callKeywords() {
    return Set.of("training", "mask", "use_causal_mask");
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    return outputShape(layerName, List.of(input));
  }

  @Override
  public Shape outputShape(String layerName, List<Shape> inputs) {
    if (inputs.size() < 2 || inputs.size() > 3) {
      throw new IllegalArgumentException(className() + " layer accepts inputs list of length 2 or 3, "
          + "namely [query, value] or [query, value, key]. Received length: " + inputs.size()
          + " (layer \"" + layerName + "\")");
    }
    for (Shape s : inputs) {
      Shapes.requireRank(layerName, s, 3, 3);
      Shapes.knownLastAxis(layerName, s);
    }
    Shape query = inputs.get(0);
    return Shape.of(query.get(0), query.get(1), inputs.get(1).get(2));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    throw new IllegalStateException(className() + " takes [query, value]");
  }

  @Override
  public LayerOutput call(LayerContext context, List<Operand<TFloat32>> inputs) {
    Ops tf = context.tf();
    Operand<TFloat32> value = inputs.get(1);
    Operand<TFloat32> scores = scores(context, inputs.get(0), inputs.size() > 2 ? inputs.get(2) : value);
    Operand<TBool> mask = scoresMask(context, inputs);
    if (mask != null) {
      scores = tf.select(mask, scores, tf.math.sub(scores, tf.constant(1e9f)));
    }
    Operand<TFloat32> weights = tf.nn.softmax(scores);
    if (dropout > 0) {
      weights = Dropout.of(dropout).call(new WrappedContext(context, "", "dropout", List.of(weights),
          List.of(), 1), weights).value();
    }
    Operand<TFloat32> out = tf.linalg.einsum(List.of(weights, value), "bqv,bvd->bqd");
    Operand<TBool> queryMask = context.inputMasks().isEmpty() ? null : context.inputMasks().get(0);
    if (queryMask != null) {
      out = tf.select(tf.expandDims(queryMask, tf.constant(-1)), out, tf.constant(0f));
    }
    return LayerOutput.of(out);
  }

  /** The value mask {@code (B, 1, Tv)} AND the causal mask {@code (1, Tq, Tv)}; null for none. */
  private Operand<TBool> scoresMask(LayerContext context, List<Operand<TFloat32>> inputs) {
    Ops tf = context.tf();
    List<Operand<TBool>> masks = context.inputMasks();
    Operand<TBool> valueMask = masks.size() > 1 && masks.get(1) != null
        ? tf.expandDims(masks.get(1), tf.constant(-2)) : null;
    if (Boolean.TRUE.equals(context.argument("use_causal_mask"))) {
      return AttentionOps.and(tf, valueMask, AttentionOps.causal(tf, inputs.get(0).shape().get(1),
          inputs.get(1).shape().get(1)));
    }
    return valueMask;
  }

  /** Keras's {@code supports_masking}: the output carries the query's mask. */
  @Override
  public boolean supportsMasking() {
    return true;
  }

  /** Reads use_scale and dropout ({@code seed} only seeds dropout). */
  final L withAttentionOptions(ConfigReader c, boolean defaultScale) {
    c.ignore("seed");
    return useScale(c.getBool("use_scale", defaultScale)).dropout(c.getDouble("dropout", 0.0));
  }
}
