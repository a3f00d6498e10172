package io.tfbridge.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.SwitchCond;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's {@code gradient_accumulation_steps}: every trainable variable has a
 * {@code gradient_accumulator}; at a step where {@code (iterations + 1) % n == 0} the update rule
 * runs on {@code (gradient + accumulator) / n} and the accumulators reset to zero, at the others
 * the gradients are added to the accumulators. Keras's {@code ops.cond} is built as TensorFlow's
 * graph conditional: the update branch's ops wait for the {@code true} output of a {@code Switch}
 * on the condition (they are skipped, "dead", otherwise), the accumulation's for the
 * {@code false} one, and a {@code Merge} joins the two.
 */
final class GradientAccumulation {
  static final String SLOT = "gradient_accumulator";

  private GradientAccumulation() {
  }

  /**
   * The ops of one step: the update (with Keras's step count {@code iterations // n}) or the
   * accumulation, joined.
   *
   * @param lr this step's learning rate (a schedule sees the real {@code iterations})
   */
  static Op apply(Ops tf, int n, List<Gradient> gradients, Operand<TInt64> iterations,
      Operand<TFloat32> lr, Slots slots, StepPipeline.Rule rule) {
    Operand<TBool> isUpdate = tf.math.equal(tf.math.floorMod(
        tf.math.add(iterations, tf.constant(1L)), tf.constant((long) n)), tf.constant(0L));
    SwitchCond<TBool> branch = tf.switchCond(isUpdate, isUpdate);
    Ops onUpdate = tf.withControlDependencies(List.of(tf.identity(branch.outputTrue())));
    Ops onAccumulate = tf.withControlDependencies(List.of(tf.identity(branch.outputFalse())));
    Operand<TFloat32> count = onUpdate.constant((float) n);
    List<Gradient> averaged = new ArrayList<>();
    List<Op> added = new ArrayList<>();
    for (Gradient g : gradients) {
      Operand<TFloat32> accumulator = slots.of(g, SLOT);
      SwitchCond<TFloat32> gradient = tf.switchCond(g.gradient(), isUpdate);
      averaged.add(new Gradient(g.path(), g.variable(), onUpdate.math.div(
          onUpdate.math.add(gradient.outputTrue(), accumulator), count)));
      added.add(onAccumulate.assign(accumulator,
          onAccumulate.math.add(gradient.outputFalse(), accumulator)));
    }
    Operand<TFloat32> step = tf.dtypes.cast(tf.math.floorDiv(iterations, tf.constant((long) n)),
        TFloat32.class);
    List<Op> updates = rule.apply(onUpdate, averaged, tf.switchCond(lr, isUpdate).outputTrue(),
        tf.switchCond(step, isUpdate).outputTrue());
    Ops afterUpdates = onUpdate.withControlDependencies(updates);
    List<Op> reset = new ArrayList<>();
    for (Gradient g : gradients) {
      Operand<TFloat32> accumulator = slots.of(g, SLOT);
      reset.add(afterUpdates.assign(accumulator, afterUpdates.zerosLike(accumulator)));
    }
    return tf.merge(List.of(tf.withControlDependencies(reset).identity(branch.outputTrue()),
        tf.withControlDependencies(added).identity(branch.outputFalse())));
  }
}
