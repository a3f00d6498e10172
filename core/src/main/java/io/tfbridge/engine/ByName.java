package io.tfbridge.engine;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;

/**
 * Feeds, fetches and targets by op name rather than by handle. A replicated model is built in one
 * graph, then placed and imported into another (see {@link CompiledGraph}); names are what the two
 * share, so every run goes through them. Single-device models run the same way.
 */
final class ByName {
  private ByName() {}

  static Session.Runner feed(Session.Runner runner, Operand<?> operand, Tensor value) {
    Output<?> out = operand.asOutput();
    return runner.feed(out.op().name(), out.index(), value);
  }

  static Session.Runner fetch(Session.Runner runner, Operand<?> operand) {
    Output<?> out = operand.asOutput();
    return runner.fetch(out.op().name(), out.index());
  }

  static Session.Runner target(Session.Runner runner, Op op) {
    return runner.addTarget(op.op().name());
  }
}
