package io.tfbridge.distribute;

/**
 * Keras's {@code tf.distribute.Strategy}: decides, at compile time, where a model's replicas run. A
 * model compiled inside {@link #scope()} uses it; model code does not change.
 *
 * <pre>{@code
 * MirroredStrategy strategy = MirroredStrategy.ofCpus(2);
 * try (Strategy.Scope scope = strategy.scope()) {
 *   model = spec.compile("sgd", "sparse_categorical_crossentropy");
 * }
 * }</pre>
 */
public interface Strategy {

  /** The replicas a model compiled under this strategy gets. */
  Replicas replicas();

  /** The number of replicas in sync (Keras's {@code num_replicas_in_sync}). */
  default int numReplicasInSync() {
    return replicas().inSync();
  }

  /** Makes this the current strategy of this thread until the scope closes. */
  default Scope scope() {
    return Scope.enter(this);
  }

  /** The strategy of the innermost open scope on this thread, or the default (one device). */
  static Strategy current() {
    return Scope.current();
  }

  /** An open strategy scope; closing it restores the previous strategy. */
  final class Scope implements AutoCloseable {
    private static final Strategy DEFAULT = Replicas::single;
    private static final ThreadLocal<Strategy> CURRENT = ThreadLocal.withInitial(() -> DEFAULT);
    private final Strategy previous;
    private boolean closed;

    private Scope(Strategy previous) {
      this.previous = previous;
    }

    static Scope enter(Strategy strategy) {
      Scope scope = new Scope(CURRENT.get());
      CURRENT.set(strategy);
      return scope;
    }

    static Strategy current() {
      return CURRENT.get();
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        CURRENT.set(previous);
      }
    }
  }
}
