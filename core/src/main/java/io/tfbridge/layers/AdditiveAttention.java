package io.tfbridge.layers;

import io.tfbridge.initializers.GlorotUniform;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code AdditiveAttention} (Bahdanau-style): scores {@code sum(scale * tanh(query_i +
 * key_j))} over the features, with a trainable {@code scale (dim)} (glorot_uniform) when
 * {@code use_scale} (the default). Masks, causal masking and dropout as in {@link BaseAttention}.
 *
 * <pre>{@code
 * KerasTensor attended = AdditiveAttention.of().apply(query, value);
 * }</pre>
 */
public final class AdditiveAttention extends BaseAttention<AdditiveAttention> {

  private AdditiveAttention() {
    super(true);
  }

  /** Additive attention with a scale and no dropout (Keras's defaults). */
  public static AdditiveAttention of() {
    return new AdditiveAttention();
  }

  @Override
  public String className() {
    return "AdditiveAttention";
  }

  @Override
  public String namePrefix() {
    return "additive_attention";
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return useScale
        ? List.of(WeightSpec.trainable("scale", Shape.of(inputs.get(0).get(2)), GlorotUniform.of()))
        : List.of();
  }

  @Override
  Operand<TFloat32> scores(LayerContext context, Operand<TFloat32> query, Operand<TFloat32> key) {
    Ops tf = context.tf();
    Operand<TFloat32> t = tf.math.tanh(tf.math.add(tf.expandDims(query, tf.constant(-2)),
        tf.expandDims(key, tf.constant(-3))));
    if (useScale) {
      t = tf.math.mul(context.weight("scale"), t);
    }
    return tf.sum(t, tf.constant(-1), Sum.keepDims(false));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("use_scale", useScale).put("dropout", dropout).putNull("seed")
        .build();
  }

  /** Reads Keras's AdditiveAttention config. */
  public static AdditiveAttention fromConfig(ConfigReader c) {
    return of().withAttentionOptions(c, true);
  }
}
