package io.tfbridge.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer's state as Keras names it: the slot {@code momentum} of {@code dense/kernel} under
 * Adam is the zero-initialised variable {@code adam/dense_kernel_momentum}; a variable of the
 * optimizer itself ({@link Optimizer#globals()}, e.g. Nadam's {@code u_product}) is
 * {@code nadam/u_product}.
 */
public final class Slots {
  private final Optimizer optimizer;
  private final SlotFactory factory;
  private final java.util.Map<String, Operand<TFloat32>> made = new java.util.HashMap<>();

  Slots(Optimizer optimizer, SlotFactory factory) {
    this.optimizer = optimizer;
    this.factory = factory;
  }

  /** The slot {@code name} of {@code g}'s variable: zeros of {@link Optimizer#slotShape}. */
  public Operand<TFloat32> of(Gradient g, String name) {
    return of(g, name, 0);
  }

  /** The slot {@code name} of {@code g}'s variable, first filled with {@code initial}. */
  public Operand<TFloat32> of(Gradient g, String name, double initial) {
    return variable(optimizer.kerasName() + "/" + g.slotStem() + "_" + name,
        optimizer.slotShape(name, g.variable().shape()), initial);
  }

  /** The optimizer's own scalar variable {@code spec} (made once, shared by every update). */
  public Operand<TFloat32> global(Optimizer.Global spec) {
    return variable(optimizer.kerasName() + "/" + spec.name(), Shape.scalar(), spec.initial());
  }

  /** The variable at {@code path}, made at the first request of this step's graph. */
  private Operand<TFloat32> variable(String path, Shape shape, double initial) {
    return made.computeIfAbsent(path, p -> factory.filled(p, shape, initial));
  }
}
