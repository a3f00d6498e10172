package io.tfbridge.interop.savedmodel;

import java.nio.file.Path;
import java.util.List;

/**
 * A SavedModel refused because its graph holds ops that reach outside its tensors ({@link UnsafeOps}):
 * files, the network, the process. Nothing of it has run.
 */
public final class UnsafeModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> findings;

  UnsafeModelException(Path dir, List<String> findings) {
    super("SavedModel " + dir + " holds ops that reach outside the model, refused before loading: "
        + String.join("; ", findings) + ". Load it only if you trust it: --allow_unsafe_ops "
        + "(UnsafeOps.Policy.ALLOW).");
    this.findings = List.copyOf(findings);
  }

  /** Each unsafe op found: op, reason and where ({@code WriteFile (writes any file) in ...}). */
  public List<String> findings() {
    return findings;
  }
}
