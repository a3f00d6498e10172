package io.tfbridge.optimizers.schedules;

import io.tfbridge.saving.Config;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Keras learning-rate schedule ({@code keras.optimizers.schedules}): the learning rate as a
 * function of the optimizer's step counter, evaluated in the graph at every step (before the step
 * increments the counter, as Keras does).
 *
 * <pre>{@code
 * Optimizer sgd = SGD.of().learningRate(ExponentialDecay.of(0.1, 100, 0.96));
 * }</pre>
 */
public interface LearningRateSchedule {
  /** Keras's class name, e.g. {@code "ExponentialDecay"}. */
  String className();

  /** The rate at step 0 (what logs show before training). */
  double initialLearningRate();

  /** The rate at {@code step} (a float32 scalar: the optimizer's iterations). */
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> step);

  /** The options as Keras's {@code get_config} writes them, in its order. */
  Config getConfig();
}
