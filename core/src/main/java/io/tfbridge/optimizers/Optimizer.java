package io.tfbridge.optimizers;

import io.tfbridge.optimizers.schedules.LearningRateSchedule;
import io.tfbridge.saving.Config;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Keras optimizer: adds the ops that apply one step of gradients to the variables, and describes
 * itself as Keras does (class name, config, state variables) so that Keras files carry it both ways.
 * Implementations extend {@link BaseOptimizer}, which holds the options every Keras optimizer has.
 */
public interface Optimizer {

  /** The Keras name, e.g. {@code "adam"} (also the scope of its variables). */
  String kerasName();

  /** Keras's class name, e.g. {@code "Adam"}. */
  String className();

  /** The learning rate (a schedule's initial rate when scheduled). */
  double learningRate();

  /**
   * Whether Keras keeps the learning rate as a variable in the optimizer's state (a constant rate);
   * a schedule is not a variable.
   */
  boolean hasLearningRateVariable();

  /**
   * The path of the variable holding a constant learning rate ({@code adam/learning_rate}), which
   * callbacks such as ReduceLROnPlateau change between steps (Keras's {@code optimizer.learning_rate}).
   */
  default String learningRatePath() {
    return kerasName() + "/learning_rate";
  }

  /** The schedule the learning rate follows, if it is not constant. */
  default Optional<LearningRateSchedule> schedule() {
    return Optional.empty();
  }

  /** The config as Keras 3.15's {@code get_config} writes it, every option included, in order. */
  Config getConfig();

  /**
   * The optimizer's per-variable state in Keras's order: each group is created for every trainable
   * variable in turn, its names interleaved ({@code [[momentum, velocity]]} gives {@code m0, v0, m1,
   * v1, ...}), the groups one after another (Adam with amsgrad adds {@code [velocity_hat]}).
   */
  List<List<String>> slotGroups();

  /**
   * Every per-variable group in Keras's build order: the base optimizer's ({@code average} with
   * {@code use_ema}, {@code gradient_accumulator} with {@code gradient_accumulation_steps}), then
   * {@link #slotGroups()}. Keras saves them in this order, after iteration and learning_rate.
   */
  default List<List<String>> variableGroups() {
    return slotGroups();
  }

  /**
   * Keras's {@code scale_loss}: the loss the training step differentiates (times
   * {@code loss_scale_factor}, if set; the optimizer divides the gradients by it).
   */
  default Operand<TFloat32> scaleLoss(Ops tf, Operand<TFloat32> loss) {
    return loss;
  }

  /**
   * Keras's {@code finalize_variable_values}, which {@code fit} runs after its last epoch: an op
   * giving the variables their final values (their moving averages with {@code use_ema}), or null
   * when there is nothing to do. Call it with the same {@code slots} as {@link #applyGradients}
   * (the gradients of {@code variables} are not used).
   */
  default Op finalizeVariableValues(Ops tf, List<Gradient> variables, SlotFactory slots) {
    return null;
  }

  /**
   * The shape of slot {@code slot} for a variable of shape {@code variable} (the variable's own
   * shape, except e.g. Adafactor's factored second moments).
   */
  default Shape slotShape(String slot, Shape variable) {
    return variable;
  }

  /**
   * The optimizer's own scalar variables, which Keras lists after the slots (Nadam's
   * {@code u_product}, starting at 1); none by default.
   */
  default List<Global> globals() {
    return List.of();
  }

  /**
   * A scalar variable of the optimizer itself: its name ({@code <kerasName>/<name>} in the graph),
   * initial value, and the name Keras gives the variable (in a legacy {@code .h5}'s
   * {@code weight_names}; Keras's Nadam leaves {@code u_product} unnamed, so it is
   * {@code variable}).
   */
  record Global(String name, double initial, String kerasVariableName) {
    /** A global Keras names {@code name}. */
    public Global(String name, double initial) {
      this(name, initial, name);
    }
  }

  /**
   * Adds the update ops for one step, then increments the iteration counter.
   *
   * @return an op that runs the whole step
   */
  Op applyGradients(Ops tf, List<Gradient> gradients, SlotFactory slots);
}
