package io.tfbridge.activations;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The activations that take more than one op, op for op as Keras's TensorFlow backend builds them.
 * Every op used has a gradient in TensorFlow's C++ registry (Erf included).
 */
final class Formulas {
  private static final float SQRT_2 = (float) Math.sqrt(2.0);

  private Formulas() {}

  /**
   * A float constant in {@code x}'s dtype: a plain float32 constant for a float32 tensor, else cast
   * (a bfloat16 layer computes in bfloat16 throughout, as Keras casts its constants to the input's).
   */
  private static Operand<TFloat32> k(Ops tf, Operand<TFloat32> x, float value) {
    Operand<TFloat32> c = tf.constant(value);
    return x.type() == TFloat32.class ? c : tf.dtypes.cast(c, x.type());
  }

  /** {@code tf.nn.gelu(x, approximate=False)}: {@code 0.5 * x * (1 + erf(x / sqrt(2)))}. */
  static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> erf = tf.math.erf(tf.math.div(x, k(tf, x, SQRT_2)));
    return tf.math.mul(tf.math.mul(k(tf, x, 0.5f), x), tf.math.add(k(tf, x, 1f), erf));
  }

  /**
   * {@code tf.nn.gelu(x, approximate=True)}:
   * {@code 0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3)))}.
   */
  static Operand<TFloat32> geluApproximate(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> cube = tf.math.pow(x, k(tf, x, 3f));
    Operand<TFloat32> inner = tf.math.add(x, tf.math.mul(k(tf, x, 0.044715f), cube));
    Operand<TFloat32> tanh = tf.math.tanh(tf.math.mul(k(tf, x, 0.7978845608028654f), inner));
    return tf.math.mul(tf.math.mul(k(tf, x, 0.5f), x), tf.math.add(k(tf, x, 1f), tanh));
  }

  /** {@code tf.nn.silu}: {@code x * sigmoid(x)}. */
  static Operand<TFloat32> silu(Ops tf, Operand<TFloat32> x) {
    return tf.math.mul(x, tf.math.sigmoid(x));
  }

  /** {@code relu6(x + 3) / 6}. */
  static Operand<TFloat32> hardSigmoid(Ops tf, Operand<TFloat32> x) {
    return tf.math.div(tf.nn.relu6(tf.math.add(x, k(tf, x, 3f))), k(tf, x, 6f));
  }

  /** {@code clip_by_value(x, -1, 1)}. */
  static Operand<TFloat32> hardTanh(Ops tf, Operand<TFloat32> x) {
    return tf.clipByValue(x, k(tf, x, -1f), k(tf, x, 1f));
  }

  /** {@code maximum(x, 0) + 1 * expm1(minimum(x, 0) / 1)}. */
  static Operand<TFloat32> celu(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> zero = k(tf, x, 0f);
    Operand<TFloat32> negative = tf.math.div(tf.math.minimum(x, zero), k(tf, x, 1f));
    Operand<TFloat32> exponential = tf.math.mul(k(tf, x, 1f), tf.math.expm1(negative));
    return tf.math.add(tf.math.maximum(x, zero), exponential);
  }

  /** {@code (x + sqrt(square(x) + 4)) / 2}. */
  static Operand<TFloat32> squareplus(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> root = tf.math.sqrt(tf.math.add(tf.math.square(x), k(tf, x, 4f)));
    return tf.math.div(tf.math.add(x, root), k(tf, x, 2f));
  }

  /** {@code where(x <= -1, 0, where(x < 1, (1/4) * (x + 1)^2, x))}. */
  static Operand<TFloat32> sparsePlus(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> one = k(tf, x, 1f);
    Operand<TFloat32> quadratic = tf.math.mul(k(tf, x, 0.25f), tf.math.pow(tf.math.add(x, one),
        k(tf, x, 2f)));
    Operand<TFloat32> inner = tf.select(tf.math.less(x, one), quadratic, x);
    return tf.select(tf.math.lessEqual(x, k(tf, x, -1f)), tf.zerosLike(x), inner);
  }

  /** {@code where(x <= -1, 0, where(x >= 1, 1, 0.5 * (x + 1)))}. */
  static Operand<TFloat32> sparseSigmoid(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> one = k(tf, x, 1f);
    Operand<TFloat32> linear = tf.math.mul(k(tf, x, 0.5f), tf.math.add(x, one));
    Operand<TFloat32> inner = tf.select(tf.math.greaterEqual(x, one), one, linear);
    return tf.select(tf.math.lessEqual(x, k(tf, x, -1f)), k(tf, x, 0f), inner);
  }

  /** {@code where(x > 0.5, x - 0.5, where(x < -0.5, x + 0.5, 0))}. */
  static Operand<TFloat32> softShrink(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> t = k(tf, x, 0.5f);
    Operand<TFloat32> inner = tf.select(tf.math.less(x, tf.math.neg(t)), tf.math.add(x, t),
        tf.zerosLike(x));
    return tf.select(tf.math.greater(x, t), tf.math.sub(x, t), inner);
  }

  /** {@code where(abs(x) > 0.5, x, 0)}. */
  static Operand<TFloat32> hardShrink(Ops tf, Operand<TFloat32> x) {
    return tf.select(tf.math.greater(tf.math.abs(x), k(tf, x, 0.5f)), x, tf.zerosLike(x));
  }

  /**
   * {@code tf.nn.log_softmax} over the last axis. TensorFlow's LogSoftmax gradient is only right for
   * rank-2 tensors, so higher ranks go through a {@code (-1, last)} reshape.
   */
  static Operand<TFloat32> logSoftmax(Ops tf, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    if (rank == 2) {
      return tf.nn.logSoftmax(x);
    }
    if (x.shape().get(rank - 1) < 0) {
      throw new IllegalArgumentException(
          "log_softmax needs a known last axis, found shape " + x.shape());
    }
    Operand<TInt32> rows = tf.constant(new int[] {-1, (int) x.shape().get(rank - 1)});
    return tf.reshape(tf.nn.logSoftmax(tf.reshape(x, rows)), tf.shape(x));
  }
}
