package io.tfbridge.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The gradients of a loss with respect to the trainable variables, for every variable even where
 * the loss does not depend on it: TensorFlow's {@code addGradients} throws for a variable it cannot
 * reach ("Cannot compute the partial derivative for node ... as it's unreachable") where Keras warns
 * ("Gradients do not exist for variables ...") and leaves the variable alone. Such a variable gets a
 * zero gradient here (its update then leaves it as it is) and the same warning, once per graph.
 */
final class LossGradients {
  private static final System.Logger LOG = System.getLogger(LossGradients.class.getName());

  private LossGradients() {}

  /**
   * {@code d loss / d targets}, in order ({@code scope}: the name scope of the gradient ops, or null
   * for TensorFlow's default).
   */
  static List<Output<TFloat32>> of(Graph graph, Ops tf, Operand<TFloat32> loss,
      List<String> paths, List<Output<?>> targets, String scope) {
    return of(graph, tf, List.of(loss), List.of(seed(tf, scope)), paths, targets, scope);
  }

  /**
   * {@code sum_k seeds[k] * d losses[k] / d targets}, in order: TensorFlow's backward pass from
   * several losses, each starting from its own gradient (a scalar per scalar loss).
   */
  @SuppressWarnings("unchecked")
  static List<Output<TFloat32>> of(Graph graph, Ops tf, List<Operand<TFloat32>> losses,
      List<? extends Operand<TFloat32>> seeds, List<String> paths, List<Output<?>> targets,
      String scope) {
    Set<String> reached = new HashSet<>();
    losses.forEach(loss -> reached.addAll(ancestors(loss)));
    List<Output<?>> reachable = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      if (reached.contains(targets.get(i).op().name())) {
        reachable.add(targets.get(i));
      } else {
        missing.add(paths.get(i));
      }
    }
    warn(missing);
    Output<?>[] grads = reachable.isEmpty() ? new Output<?>[0]
        : graph.addGradients(scope, losses.stream().map(Operand::asOutput).toArray(Output<?>[]::new),
            reachable.toArray(Output<?>[]::new),
            seeds.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
    List<Output<TFloat32>> out = new ArrayList<>();
    int next = 0;
    for (Output<?> target : targets) {
      out.add(reached.contains(target.op().name()) ? (Output<TFloat32>) grads[next++]
          : tf.zerosLike((Operand<TFloat32>) target).asOutput());
    }
    return out;
  }

  /**
   * The gradient the backward pass starts from, {@code d loss / d loss = 1}, as a constant under the
   * gradients' scope (on the replica's device): TensorFlow's default, {@code OnesLike(loss)}, reads
   * the loss itself, which would have the loss computed wherever its last op sits.
   */
  private static Operand<TFloat32> seed(Ops tf, String scope) {
    Ops ops = scope == null ? tf : tf.withSubScope(scope.replace("/", "_") + "_seed");
    return ops.constant(1f);
  }

  /** The names of the ops {@code loss} depends on through differentiable paths. */
  private static Set<String> ancestors(Operand<?> loss) {
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>();
    todo.push((GraphOperation) loss.op());
    while (!todo.isEmpty()) {
      GraphOperation op = todo.pop();
      if (!seen.add(op.name()) || op.type().equals("StopGradient")) {
        continue;
      }
      for (int i = 0; i < op.numInputs(); i++) {
        if (op.input(i).op() instanceof GraphOperation g) {
          todo.push(g);
        }
      }
    }
    return seen;
  }

  private static void warn(List<String> missing) {
    if (!missing.isEmpty()) {
      LOG.log(Level.WARNING, "Gradients do not exist for variables " + missing + " when minimizing"
          + " the loss. If using `model.compile()`, did you forget to provide a `loss` argument?");
    }
  }
}
