package io.tfbridge.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's {@code use_ema}: every trainable variable has an {@code average}; after each step
 * {@code average = m * average + (1 - m) * variable} with {@code m = ema_momentum}, except at the
 * first applied step ({@code m = 0}: the average starts at the variable); every
 * {@code ema_overwrite_frequency} applied steps the variables take their averages, and
 * {@code finalize_variable_values} (the end of {@code fit}) gives them their averages.
 */
final class MovingAverage {
  static final String SLOT = "average";

  private MovingAverage() {
  }

  /**
   * The average updates after a step (and the overwrite, when a frequency is set).
   *
   * @param applied Keras's {@code iterations} before the increment: the applied steps
   *     ({@code iterations // gradient_accumulation_steps} when accumulating)
   */
  static List<Op> update(Ops tf, StepOptions o, List<Gradient> gradients,
      Operand<TInt64> applied, Slots slots) {
    Operand<TFloat32> notFirst = tf.dtypes.cast(tf.math.notEqual(applied, tf.constant(0L)),
        TFloat32.class);
    Operand<TFloat32> momentum = tf.math.mul(notFirst, tf.constant((float) o.emaMomentum()));
    Operand<TFloat32> rest = tf.math.sub(tf.constant(1f), momentum);
    List<Op> averaged = new ArrayList<>();
    for (Gradient g : gradients) {
      Operand<TFloat32> average = slots.of(g, SLOT);
      averaged.add(tf.assign(average, tf.math.add(tf.math.mul(momentum, average),
          tf.math.mul(rest, g.variable()))));
    }
    if (!o.overwrites()) {
      return averaged;
    }
    Operand<TBool> overwrite = tf.math.equal(tf.math.floorMod(tf.math.add(applied,
        tf.constant(1L)), tf.constant((long) o.emaOverwriteFrequency())), tf.constant(0L));
    Ops after = tf.withControlDependencies(averaged);
    List<Op> written = new ArrayList<>();
    for (Gradient g : gradients) {
      Operand<TFloat32> average = slots.of(g, SLOT);
      written.add(after.assign(g.variable(), after.select(overwrite, average, g.variable())));
    }
    return written;
  }

  /** Keras's {@code finalize_variable_values}: every variable takes its average. */
  static Op finalizeValues(Ops tf, List<Gradient> variables, Slots slots) {
    List<Op> written = new ArrayList<>();
    for (Gradient g : variables) {
      written.add(tf.assign(g.variable(), tf.identity(slots.of(g, SLOT))));
    }
    return tf.withControlDependencies(written).noOp();
  }
}
