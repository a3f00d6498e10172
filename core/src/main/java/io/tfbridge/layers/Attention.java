package io.tfbridge.layers;

import io.tfbridge.initializers.Ones;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Attention} (Luong-style): scores {@code query . key^T} ({@code score_mode="dot"}),
 * times a trainable scalar {@code scale} with {@code use_scale}; or with {@code score_mode="concat"}
 * {@code concat_score_weight * sum(tanh(scale * (query_i + key_j)))}. Masks, causal masking and
 * dropout as in {@link BaseAttention}.
 *
 * <pre>{@code
 * KerasTensor attended = Attention.of().useScale(true).apply(query, value);
 * }</pre>
 */
public final class Attention extends BaseAttention<Attention> {
  private String scoreMode = "dot";

  private Attention() {
    super(false);
  }

  /** Dot-product attention without scale or dropout (Keras's defaults). */
  public static Attention of() {
    return new Attention();
  }

  /** A copy scoring by {@code "dot"} (default) or {@code "concat"}. */
  public Attention scoreMode(String mode) {
    if (!List.of("dot", "concat").contains(mode)) {
      throw new IllegalArgumentException("Invalid value for argument score_mode. Expected one of "
          + "{'dot', 'concat'}. Received: score_mode=" + mode);
    }
    Attention copy = copy();
    copy.scoreMode = mode;
    return copy;
  }

  /** The score function. */
  public String scoreMode() {
    return scoreMode;
  }

  @Override
  public String className() {
    return "Attention";
  }

  @Override
  public String namePrefix() {
    return "attention";
  }

  /** {@code scale} and, for concat scores, {@code concat_score_weight}: scalars starting at 1. */
  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> specs = new ArrayList<>();
    if (useScale) {
      specs.add(WeightSpec.trainable("scale", Shape.scalar(), Ones.of()));
    }
    if (scoreMode.equals("concat")) {
      specs.add(WeightSpec.trainable("concat_score_weight", Shape.scalar(), Ones.of()));
    }
    return specs;
  }

  @Override
  Operand<TFloat32> scores(LayerContext context, Operand<TFloat32> query, Operand<TFloat32> key) {
    Ops tf = context.tf();
    if (scoreMode.equals("dot")) {
      Operand<TFloat32> scores = tf.linalg.einsum(List.of(query, key), "bqd,bvd->bqv");
      return useScale ? tf.math.mul(scores, context.weight("scale")) : scores;
    }
    Operand<TFloat32> sum = tf.math.add(tf.expandDims(query, tf.constant(-2)),
        tf.expandDims(key, tf.constant(-3)));
    if (useScale) {
      sum = tf.math.mul(context.weight("scale"), sum);
    }
    return tf.math.mul(context.weight("concat_score_weight"),
        tf.sum(tf.math.tanh(sum), tf.constant(-1), Sum.keepDims(false)));
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("use_scale", useScale).put("score_mode", scoreMode)
        .put("dropout", dropout).putNull("seed").build();
  }

  /** Reads Keras's Attention config. */
  public static Attention fromConfig(ConfigReader c) {
    return of().withAttentionOptions(c, false).scoreMode(c.getString("score_mode", "dot"));
  }
}
