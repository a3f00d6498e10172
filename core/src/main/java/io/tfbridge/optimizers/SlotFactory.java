package io.tfbridge.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Makes an optimizer's own variables, which the model owns, initialises and saves with its weights. */
public interface SlotFactory {

  /**
   * A float variable filled with {@code value}, named {@code path} (e.g.
   * {@code adam/dense_kernel_momentum}).
   */
  Operand<TFloat32> filled(String path, Shape shape, double value);

  /** A float variable initialised to zeros, named {@code path}. */
  default Operand<TFloat32> zeros(String path, Shape shape) {
    return filled(path, shape, 0);
  }

  /** The optimizer's int64 step counter, initialised to 0 (Keras's {@code iterations}). */
  Operand<TInt64> iterations();
}
