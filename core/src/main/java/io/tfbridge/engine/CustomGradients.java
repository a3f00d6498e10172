package io.tfbridge.engine;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ImageProjectiveTransformV3;
import org.tensorflow.types.TFloat32;

/**
 * Gradients, in Java, for the ops tfbridge uses that TF's C++ gradient registry lacks (TF Python
 * registers them in Python, where TF Java cannot see them). Registered once per process, before a
 * graph's gradients are built. Note: each {@code TensorFlow.registerCustomGradient} call takes one of
 * TF Java's 10 native callbacks; past a few registrations, switch to one dispatching callback (see
 * /work/notes/gradients.md, section 3.0).
 */
public final class CustomGradients {
  private static boolean registered;

  private CustomGradients() {}

  /** Registers every gradient once (later calls do nothing). */
  public static synchronized void ensureRegistered() {
    if (registered) {
      return;
    }
    registered = true;
    TensorFlow.registerCustomGradient(ImageProjectiveTransformV3.OP_NAME,
        CustomGradients::imageProjectiveTransformV3);
  }

  /**
   * TF Python's gradient of {@code ImageProjectiveTransformV3} (what Keras trains with): the output
   * gradient sent back through the inverse transform, with the op's interpolation and fill mode and
   * fill value 0; no gradient for the transforms, the output shape or the fill value.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> imageProjectiveTransformV3(Ops tf, GraphOperation op,
      List<Output<?>> dy) {
    Operand<TFloat32> images = (Operand) op.input(0);
    Operand<TFloat32> transforms = (Operand) op.input(1);
    Operand<TFloat32> matrices = tf.reshape(
        tf.concat(List.of(transforms, tf.onesLike(tf.slice(transforms, tf.constant(new int[] {0, 0}),
            tf.constant(new int[] {-1, 1})))), tf.constant(1)),
        tf.constant(new int[] {-1, 3, 3}));
    Operand<TFloat32> inverse = tf.reshape(tf.linalg.inv(matrices), tf.constant(new int[] {-1, 9}));
    Operand<TFloat32> last = tf.slice(inverse, tf.constant(new int[] {0, 8}),
        tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> flat = tf.slice(tf.math.div(inverse, last), tf.constant(new int[] {0, 0}),
        tf.constant(new int[] {-1, 8}));
    Operand<TFloat32> back = tf.image.imageProjectiveTransformV3((Operand<TFloat32>) dy.get(0), flat,
        tf.stridedSlice(tf.shape(images), tf.constant(new int[] {1}), tf.constant(new int[] {3}),
            tf.constant(new int[] {1})),
        tf.constant(0f), op.attributes().getAttrString("interpolation"),
        ImageProjectiveTransformV3.fillMode(op.attributes().getAttrString("fill_mode")));
    return List.of(back, tf.zerosLike(transforms), tf.zerosLike(op.input(2)),
        tf.zerosLike(op.input(3)));
  }
}
