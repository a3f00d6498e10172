package io.tfbridge.optimizers;

import io.tfbridge.optimizers.schedules.LearningRateSchedule;
import io.tfbridge.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What every Keras 3 optimizer does around its own update rule, in Keras's order
 * ({@code BaseOptimizer.apply}): the learning rate of this step (a schedule is evaluated at the
 * step count before it increments), gradients clipped ({@code clipnorm} per tensor,
 * {@code global_clipnorm} over all, or {@code clipvalue}), decoupled weight decay
 * ({@code var -= var * weight_decay * lr}) before the update, then the subclass's {@link #update}
 * per variable, then the step counter increments; loss scaling, gradient accumulation and the
 * moving average around them ({@link StepOptions}, {@link StepPipeline}). Subclasses are
 * immutable specs with fluent copies, their own options in {@link #ownConfig}, their slots in
 * {@link #slotGroups}.
 *
 * @param <O> the subclass, so that the common fluent options return it
 */
public abstract class BaseOptimizer<O extends BaseOptimizer<O>> implements Optimizer {
  private final OptimizerOptions options;

  protected BaseOptimizer(OptimizerOptions options) {
    this.options = options;
  }

  /** A copy of the subclass with these common options. */
  protected abstract O with(OptimizerOptions options);

  /** The common options. */
  public OptimizerOptions options() {
    return options;
  }

  /** A copy with this constant learning rate. */
  public O learningRate(double value) {
    return with(options.withLearningRate(value));
  }

  /** A copy whose learning rate follows {@code schedule}. */
  public O learningRate(LearningRateSchedule schedule) {
    return with(options.withSchedule(schedule));
  }

  /** A copy with Keras's decoupled {@code weight_decay} (null: none). */
  public O weightDecay(Double value) {
    return with(options.withWeightDecay(value));
  }

  /** A copy clipping each gradient tensor to this L2 norm ({@code clipnorm}). */
  public O clipnorm(Double value) {
    return with(options.withClipping(value, options.clipvalue(), options.globalClipnorm()));
  }

  /** A copy clipping every gradient value to {@code [-value, value]} ({@code clipvalue}). */
  public O clipvalue(Double value) {
    return with(options.withClipping(options.clipnorm(), value, options.globalClipnorm()));
  }

  /** A copy scaling all gradients together to this global L2 norm ({@code global_clipnorm}). */
  public O globalClipnorm(Double value) {
    return with(options.withClipping(options.clipnorm(), options.clipvalue(), value));
  }

  /**
   * A copy keeping a moving average of every trainable weight ({@code use_ema}), which the weights
   * take every {@link #emaOverwriteFrequency} steps and at the end of {@code fit}.
   */
  public O useEma(boolean on) {
    StepOptions s = options.steps();
    return with(options.withSteps(s.withEma(on, s.emaMomentum(), s.emaOverwriteFrequency())));
  }

  /** A copy with this {@code ema_momentum} (Keras's default 0.99). */
  public O emaMomentum(double value) {
    StepOptions s = options.steps();
    return with(options.withSteps(s.withEma(s.useEma(), value, s.emaOverwriteFrequency())));
  }

  /** A copy whose weights take their averages every {@code value} steps (null: only at the end). */
  public O emaOverwriteFrequency(Integer value) {
    StepOptions s = options.steps();
    return with(options.withSteps(s.withEma(s.useEma(), s.emaMomentum(), value)));
  }

  /** A copy scaling the loss by {@code value}, the gradients back ({@code loss_scale_factor}). */
  public O lossScaleFactor(Double value) {
    return with(options.withSteps(options.steps().withLossScaleFactor(value)));
  }

  /** A copy applying the averaged gradients every {@code value} steps (null: every step). */
  public O gradientAccumulationSteps(Integer value) {
    return with(options.withSteps(options.steps().withGradientAccumulationSteps(value)));
  }

  @Override
  public double learningRate() {
    return options.learningRate();
  }

  @Override
  public boolean hasLearningRateVariable() {
    return options.schedule() == null;
  }

  /** Keras's build order: {@code average} (use_ema), {@code gradient_accumulator}, own slots. */
  @Override
  public final List<List<String>> variableGroups() {
    List<List<String>> groups = new ArrayList<>();
    if (options.steps().useEma()) {
      groups.add(List.of(MovingAverage.SLOT));
    }
    if (options.steps().accumulates()) {
      groups.add(List.of(GradientAccumulation.SLOT));
    }
    groups.addAll(slotGroups());
    return groups;
  }

  @Override
  public final Operand<TFloat32> scaleLoss(Ops tf, Operand<TFloat32> loss) {
    return StepPipeline.scaleLoss(tf, options.steps(), loss);
  }

  @Override
  public final Op finalizeVariableValues(Ops tf, List<Gradient> variables, SlotFactory slots) {
    return options.steps().useEma()
        ? MovingAverage.finalizeValues(tf, variables, new Slots(this, slots)) : null;
  }

  @Override
  public Optional<LearningRateSchedule> schedule() {
    return Optional.ofNullable(options.schedule());
  }

  @Override
  public final Config getConfig() {
    return options.toConfig(kerasName()).toBuilder().putAll(ownConfig()).build();
  }

  /** The subclass's options as Keras's {@code get_config} adds them after the common ones. */
  protected abstract Config ownConfig();

  @Override
  public final Op applyGradients(Ops tf, List<Gradient> gradients, SlotFactory slots) {
    Operand<TInt64> iterations = slots.iterations();
    Operand<TFloat32> step = tf.dtypes.cast(iterations, TFloat32.class);
    Operand<TFloat32> lr = options.schedule() == null
        ? slots.filled(learningRatePath(), Shape.scalar(), learningRate())
        : options.schedule().call(tf, step);
    Slots own = new Slots(this, slots);
    List<Op> applied = StepPipeline.run(tf, options.steps(), gradients, iterations, lr, own,
        (t, grads, rate, count) -> applyRule(t, grads, rate, count, own));
    return tf.withControlDependencies(applied).assignAdd(iterations, tf.constant(1L));
  }

  /** Clipping, weight decay, the prologue and {@link #update} of every variable: the updates. */
  private List<Op> applyRule(Ops tf, List<Gradient> gradients, Operand<TFloat32> lr,
      Operand<TFloat32> step, Slots own) {
    List<Operand<TFloat32>> grads = GradientTransforms.clip(tf, options,
        gradients.stream().map(Gradient::gradient).toList());
    List<Op> before = new ArrayList<>(GradientTransforms.weightDecay(tf, options, gradients, lr));
    before.addAll(prologue(tf, lr, step, own));
    Ops after = before.isEmpty() ? tf : tf.withControlDependencies(before);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < gradients.size(); i++) {
      Gradient g = gradients.get(i);
      updates.add(update(after, new Gradient(g.path(), g.variable(), grads.get(i)), lr, step,
          own));
    }
    return updates;
  }

  /**
   * Ops run once per step before the per-variable updates, which see their effect (Nadam's
   * {@code u_product} update in Keras's {@code _backend_update_step}); none by default.
   */
  protected List<Op> prologue(Ops tf, Operand<TFloat32> lr, Operand<TFloat32> step, Slots slots) {
    return List.of();
  }

  /**
   * Adds the ops of Keras's {@code update_step} for one variable.
   *
   * @param g the variable and its (unscaled, clipped) gradient
   * @param lr this step's learning rate
   * @param step the step count before this step (Keras's {@code iterations}: the applied steps,
   *     {@code iterations // gradient_accumulation_steps} when accumulating), as float32
   * @param slots this optimizer's variables for {@code g}
   */
  protected abstract Op update(Ops tf, Gradient g, Operand<TFloat32> lr, Operand<TFloat32> step,
      Slots slots);
}
