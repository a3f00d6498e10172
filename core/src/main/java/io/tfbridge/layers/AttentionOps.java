package io.tfbridge.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Multi-head dot-product attention on projected tensors, op for op as Keras 3.15 on TensorFlow:
 * query {@code (B, T, N, H)}, key {@code (B, S, N, H)}, value {@code (B, S, N, Hv)}, an optional boolean
 * mask broadcastable to {@code (B, T, S)}; the result is {@code (B, T, N, Hv)}.
 */
final class AttentionOps {
  /** Keras TF backend's masked logit in {@code dot_product_attention}: -0.7 * float32 max. */
  private static final float LARGE_NEGATIVE = (float) (3.38953e38 * -0.7);
  /** Keras's Softmax layer's masked input. */
  private static final float SOFTMAX_NEGATIVE = -1e9f;

  private AttentionOps() {}

  /**
   * Keras's {@code ops.dot_product_attention} (the path without dropout): scaled logits, masked
   * logits set to a large negative number, softmax over the keys. A query whose keys are all masked
   * attends to every key evenly, as in Keras.
   */
  static Operand<TFloat32> dotProduct(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k,
      Operand<TFloat32> v, Operand<TBool> mask, float scale) {
    Operand<TFloat32> logits = tf.math.mul(tf.linalg.einsum(List.of(q, k), "BTNH,BSNH->BNTS"),
        tf.constant(scale));
    if (mask != null) {
      logits = tf.select(headAxis(tf, mask), logits, tf.constant(LARGE_NEGATIVE));
    }
    return tf.linalg.einsum(List.of(tf.nn.softmax(logits), v), "BNTS,BSNH->BTNH");
  }

  /**
   * Keras's attention with dropout (the softmax-layer path): the query scaled first, masked scores
   * set to -1e9 before the softmax and to 0 after it (a query whose keys are all masked attends to
   * nothing), {@code dropout} applied to the scores.
   */
  static Operand<TFloat32> withScoreDropout(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k,
      Operand<TFloat32> v, Operand<TBool> mask, float scale,
      java.util.function.UnaryOperator<Operand<TFloat32>> dropout) {
    Operand<TFloat32> scores = tf.linalg.einsum(List.of(k, tf.math.mul(q, tf.constant(scale))),
        "aecd,abcd->acbe");
    if (mask != null) {
      Operand<TBool> m = headAxis(tf, mask);
      scores = tf.select(m, tf.nn.softmax(tf.select(m, scores, tf.constant(SOFTMAX_NEGATIVE))),
          tf.constant(0f));
    } else {
      scores = tf.nn.softmax(scores);
    }
    return tf.linalg.einsum(List.of(dropout.apply(scores), v), "acbe,aecd->abcd");
  }

  /** The causal mask {@code (1, T, S)}: query step t sees key steps up to t. */
  static Operand<TBool> causal(Ops tf, long queryLength, long keyLength) {
    boolean[][][] lower = new boolean[1][(int) queryLength][(int) keyLength];
    for (int t = 0; t < queryLength; t++) {
      for (int s = 0; s <= t && s < keyLength; s++) {
        lower[0][t][s] = true;
      }
    }
    return tf.constant(lower);
  }

  /** {@code a AND b}, either of which may be null (no mask). */
  static Operand<TBool> and(Ops tf, Operand<TBool> a, Operand<TBool> b) {
    return a == null ? b : b == null ? a : tf.math.logicalAnd(a, b);
  }

  /** A {@code (B, T, S)} mask (or one of lower rank) with the heads axis: {@code (B, 1, T, S)}. */
  private static Operand<TBool> headAxis(Ops tf, Operand<TBool> mask) {
    Operand<TBool> m = mask;
    for (int r = mask.shape().numDimensions(); r < 4; r++) {
      m = tf.expandDims(m, tf.constant(-3));
    }
    return m;
  }
}
