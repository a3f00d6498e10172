package io.tfbridge.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;

/**
 * The build graph's operands as outputs of the graph the session runs, each resolved once. A
 * single-device model runs its own graph, so an operand is used as it is; a placed (replicated)
 * model's session runs a copy, where an operand is found by its op's name the first time and kept:
 * no name lookup per step.
 */
final class RunOutputs {
  private final Graph runGraph;
  private final boolean sameGraph;
  private final Map<Output<?>, Output<?>> resolved = new ConcurrentHashMap<>();
  private final Map<Op, Operation> targets = new ConcurrentHashMap<>();

  RunOutputs(Graph buildGraph, Graph runGraph) {
    this.runGraph = runGraph;
    this.sameGraph = buildGraph == runGraph;
  }

  /** {@code operand} in the run graph. */
  Output<?> of(Operand<?> operand) {
    Output<?> out = operand.asOutput();
    if (sameGraph) {
      return out;
    }
    return resolved.computeIfAbsent(out,
        o -> runGraph.operation(o.op().name()).output(o.index()));
  }

  Session.Runner feed(Session.Runner runner, Operand<?> operand, Tensor value) {
    return runner.feed(of(operand), value);
  }

  Session.Runner fetch(Session.Runner runner, Operand<?> operand) {
    return runner.fetch(of(operand));
  }

  Session.Runner target(Session.Runner runner, Op op) {
    return sameGraph ? runner.addTarget(op)
        : runner.addTarget(targets.computeIfAbsent(op, o -> runGraph.operation(o.op().name())));
  }
}
