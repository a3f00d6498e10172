package io.tfbridge.engine;

import org.tensorflow.op.Ops;

/** Graph names from Keras paths: {@code dense/kernel} becomes op {@code kernel} in scope {@code dense}. */
final class Names {
  private Names() {}

  /** Ops whose next op is named exactly {@code path}. */
  static Ops scoped(Ops tf, String path) {
    String[] parts = path.split("/");
    Ops scoped = tf;
    for (int i = 0; i < parts.length - 1; i++) {
      scoped = scoped.withSubScope(parts[i]);
    }
    return scoped.withName(parts[parts.length - 1]);
  }
}
