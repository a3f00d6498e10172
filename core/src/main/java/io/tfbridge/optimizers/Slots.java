package io.tfbridge.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer's per-variable state as Keras names it: the slot {@code momentum} of
 * {@code dense/kernel} under Adam is the zero-initialised variable {@code adam/dense_kernel_momentum}.
 */
public final class Slots {
  private final String optimizer;
  private final SlotFactory factory;

  Slots(String optimizer, SlotFactory factory) {
    this.optimizer = optimizer;
    this.factory = factory;
  }

  /** The slot {@code name} of {@code g}'s variable, shaped like it. */
  public Operand<TFloat32> of(Gradient g, String name) {
    return of(g, name, g.variable().shape());
  }

  /** The slot {@code name} of {@code g}'s variable with its own shape (e.g. Adafactor's factors). */
  public Operand<TFloat32> of(Gradient g, String name, Shape shape) {
    return factory.zeros(optimizer + "/" + g.slotStem() + "_" + name, shape);
  }
}
