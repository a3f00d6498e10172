package io.tfbridge.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's steps between the gradients and the update rule: clipping and weight decay (TensorFlow backend arithmetic: {@code clip_by_norm}, {@code clip_by_global_norm},
 * {@code var.assign_sub(var * wd * lr)}).
 */
final class GradientTransforms {
  private GradientTransforms() {
  }

  /** Keras's {@code _clip_gradients}: the first positive one of clipnorm, global_clipnorm, clipvalue. */
  static List<Operand<TFloat32>> clip(Ops tf, OptimizerOptions o, List<Operand<TFloat32>> grads) {
    if (positive(o.clipnorm())) {
      return grads.stream().map(g -> clipByNorm(tf, g, o.clipnorm().floatValue())).toList();
    }
    if (positive(o.globalClipnorm())) {
      return clipByGlobalNorm(tf, grads, o.globalClipnorm());
    }
    if (positive(o.clipvalue())) {
      Operand<TFloat32> v = tf.constant(o.clipvalue().floatValue());
      return grads.stream().map(g -> (Operand<TFloat32>) tf.clipByValue(g, tf.math.neg(v), v))
          .toList();
    }
    return grads;
  }

  /** {@code var.assign_sub(var * weight_decay * lr)} for every variable, when weight decay is set. */
  static List<Op> weightDecay(Ops tf, OptimizerOptions o, List<Gradient> gradients,
      Operand<TFloat32> lr) {
    List<Op> decay = new ArrayList<>();
    if (o.weightDecay() == null) {
      return decay;
    }
    Operand<TFloat32> wd = tf.constant(o.weightDecay().floatValue());
    for (Gradient g : gradients) {
      decay.add(tf.assignSub(g.variable(), tf.math.mul(tf.math.mul(g.variable(), wd), lr)));
    }
    return decay;
  }

  private static boolean positive(Double v) {
    return v != null && v > 0;
  }

  /** {@code tf.clip_by_norm}: {@code g * clip / max(l2norm(g), clip)}, with its safe square root. */
  private static Operand<TFloat32> clipByNorm(Ops tf, Operand<TFloat32> g, float clip) {
    Operand<TFloat32> l2sum = tf.reduceSum(tf.math.mul(g, g), allAxes(tf, g),
        ReduceSum.keepDims(true));
    Operand<TBool> nonzero = tf.math.greater(l2sum, tf.constant(0f));
    Operand<TFloat32> safe = tf.select(nonzero, l2sum, tf.onesLike(l2sum));
    Operand<TFloat32> l2norm = tf.select(nonzero, tf.math.sqrt(safe), l2sum);
    Operand<TFloat32> c = tf.constant(clip);
    return tf.math.div(tf.math.mul(g, c), tf.math.maximum(l2norm, c));
  }

  /**
   * Keras's {@code clip_by_global_norm}: every gradient times {@code clip * min(1 / norm, 1 / clip)},
   * the norm over all of them ({@code sqrt(sum of each tensor's sum of squares)}); NaN when it is not
   * finite.
   */
  private static List<Operand<TFloat32>> clipByGlobalNorm(Ops tf, List<Operand<TFloat32>> grads,
      double clip) {
    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      squares.add(tf.reduceSum(tf.math.square(g), allAxes(tf, g)));
    }
    Operand<TFloat32> norm = tf.math.sqrt(tf.reduceSum(tf.stack(squares), tf.constant(0)));
    Operand<TFloat32> one = tf.constant(1f);
    // 1 / clip is Python's double, rounded once to float32 as Keras's ops convert it
    Operand<TFloat32> finite = tf.math.mul(tf.constant((float) clip), tf.math.minimum(
        tf.math.div(one, norm), tf.constant((float) (1.0 / clip))));
    Operand<TFloat32> scale = tf.math.add(finite, tf.math.sub(norm, norm));
    return grads.stream().map(g -> (Operand<TFloat32>) tf.math.mul(g, scale)).toList();
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> g) {
    return tf.range(tf.constant(0), tf.rank(g), tf.constant(1));
  }
}
