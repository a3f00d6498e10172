package io.tfbridge.engine;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * Graph names from Keras paths: {@code dense/kernel} becomes op {@code kernel} in scope {@code dense}.
 * TensorFlow makes every new sub-scope unique ({@code dense}, then {@code dense_1}), so each scope is
 * opened once and reused: {@code dense/kernel} and {@code dense/bias} are ops of one {@code dense}
 * scope, and a variable's op name is exactly its Keras path.
 */
final class Names {
  private final Ops root;
  private final Map<String, Ops> scopes = new HashMap<>();

  Names(Ops root) {
    this.root = root;
  }

  /** The root ops. */
  Ops root() {
    return root;
  }

  /** Ops whose next op is named exactly {@code path}. */
  Ops scoped(String path) {
    int slash = path.lastIndexOf('/');
    Ops scope = slash < 0 ? root : scope(path.substring(0, slash));
    return scope.withName(path.substring(slash + 1));
  }

  /** The scope at {@code path}, opened now if it is not yet (so that it keeps its exact name). */
  Ops scope(String path) {
    Ops known = scopes.get(path);
    if (known != null) {
      return known;
    }
    int slash = path.lastIndexOf('/');
    Ops parent = slash < 0 ? root : scope(path.substring(0, slash));
    Ops scope = parent.withSubScope(path.substring(slash + 1));
    scopes.put(path, scope);
    return scope;
  }
}
