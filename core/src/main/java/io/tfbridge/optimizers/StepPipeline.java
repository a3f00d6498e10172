package io.tfbridge.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras's {@code BaseOptimizer.apply} around the update rule, in its order: the gradients divided
 * by {@code loss_scale_factor}; the rule (clipping, weight decay, {@code update_step}) at once or,
 * with {@code gradient_accumulation_steps}, every that many steps on the averaged accumulated
 * gradients ({@link GradientAccumulation}); then the moving averages ({@link MovingAverage}).
 */
final class StepPipeline {
  private StepPipeline() {
  }

  /** Keras's clipping, weight decay and {@code update_step} of every variable: the update ops. */
  @FunctionalInterface
  interface Rule {
    List<Op> apply(Ops tf, List<Gradient> gradients, Operand<TFloat32> lr,
        Operand<TFloat32> step);
  }

  /**
   * The ops of one step, before the step counter increments.
   *
   * @param iterations Keras's {@code _iterations}, the step count before this step
   * @param lr the learning rate (a schedule's at {@code iterations})
   */
  static List<Op> run(Ops tf, StepOptions o, List<Gradient> gradients,
      Operand<TInt64> iterations, Operand<TFloat32> lr, Slots slots, Rule rule) {
    List<Gradient> unscaled = unscale(tf, o, gradients);
    List<Op> done;
    Operand<TInt64> applied = iterations;
    if (o.accumulates()) {
      int n = o.gradientAccumulationSteps();
      done = List.of(GradientAccumulation.apply(tf, n, unscaled, iterations, lr, slots, rule));
      applied = tf.math.floorDiv(iterations, tf.constant((long) n));
    } else {
      done = rule.apply(tf, unscaled, lr, tf.dtypes.cast(iterations, TFloat32.class));
    }
    if (!o.useEma()) {
      return done;
    }
    return MovingAverage.update(tf.withControlDependencies(done), o, gradients, applied, slots);
  }

  /** Keras's {@code scale_loss}: the loss times {@code loss_scale_factor}, if set. */
  static Operand<TFloat32> scaleLoss(Ops tf, StepOptions o, Operand<TFloat32> loss) {
    return o.lossScaleFactor() == null ? loss
        : tf.math.mul(loss, tf.constant(o.lossScaleFactor().floatValue()));
  }

  private static List<Gradient> unscale(Ops tf, StepOptions o, List<Gradient> gradients) {
    if (o.lossScaleFactor() == null) {
      return gradients;
    }
    Operand<TFloat32> scale = tf.constant(o.lossScaleFactor().floatValue());
    return gradients.stream().map(g -> new Gradient(g.path(), g.variable(),
        tf.math.div(g.gradient(), scale))).toList();
  }
}
