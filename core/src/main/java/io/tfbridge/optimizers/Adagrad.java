package io.tfbridge.optimizers;

import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code Adagrad} with Keras's defaults: learning rate 0.001, initial_accumulator_value 0.1,
 * epsilon 1e-7. Per step: {@code acc += g^2; var -= lr g / sqrt(acc + epsilon)}, the
 * {@code accumulator} slots starting at initial_accumulator_value.
 *
 * <pre>{@code
 * Optimizer adagrad = Adagrad.of().learningRate(0.1).initialAccumulatorValue(0.5);
 * }</pre>
 */
public final class Adagrad extends BaseOptimizer<Adagrad> {
  private final double initialAccumulatorValue;
  private final double epsilon;

  private Adagrad(OptimizerOptions options, double initialAccumulatorValue, double epsilon) {
    super(options);
    this.initialAccumulatorValue = OptimizerArgs.nonNegative("initial_accumulator_value",
        initialAccumulatorValue);
    this.epsilon = OptimizerArgs.positive("epsilon", epsilon);
  }

  /** Adagrad with Keras's defaults. */
  public static Adagrad of() {
    return new Adagrad(OptimizerOptions.of(0.001), 0.1, 1e-7);
  }

  @Override
  protected Adagrad with(OptimizerOptions options) {
    return new Adagrad(options, initialAccumulatorValue, epsilon);
  }

  /** A copy whose accumulators start at this (non-negative) value. */
  public Adagrad initialAccumulatorValue(double value) {
    return new Adagrad(options(), value, epsilon);
  }

  /** A copy with this epsilon. */
  public Adagrad epsilon(double value) {
    return new Adagrad(options(), initialAccumulatorValue, value);
  }

  @Override
  public String kerasName() {
    return "adagrad";
  }

  @Override
  public String className() {
    return "Adagrad";
  }

  /** The accumulators' starting value. */
  public double initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  /** epsilon. */
  public double epsilon() {
    return epsilon;
  }

  @Override
  public List<List<String>> slotGroups() {
    return List.of(List.of("accumulator"));
  }

  @Override
  protected Config ownConfig() {
    return Config.builder().put("initial_accumulator_value", initialAccumulatorValue)
        .put("epsilon", epsilon).build();
  }

  static Adagrad fromConfig(ConfigReader c) {
    return new Adagrad(OptimizerOptions.read(c, 0.001),
        c.getDouble("initial_accumulator_value", 0.1), c.getDouble("epsilon", 1e-7));
  }

  @Override
  protected Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots) {
    Operand<TFloat32> acc = tf.assignAdd(slots.of(g, "accumulator", initialAccumulatorValue),
        tf.math.square(g.gradient()));
    return tf.assignSub(g.variable(), AdaptiveSteps.scaledStep(tf, lr, g.gradient(),
        AdaptiveSteps.rms(tf, acc, epsilon)));
  }
}
