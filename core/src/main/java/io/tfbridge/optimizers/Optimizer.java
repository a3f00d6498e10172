package io.tfbridge.optimizers;

import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/** A Keras optimizer: adds the ops that apply one step of gradients to the variables. */
public interface Optimizer {

  /** The Keras name, e.g. {@code "adam"}. */
  String kerasName();

  /** The learning rate. */
  double learningRate();

  /**
   * Adds the update ops for one step, then increments the iteration counter.
   *
   * @return an op that runs the whole step
   */
  Op applyGradients(Ops tf, List<Gradient> gradients, SlotFactory slots);
}
