package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.models.ModelSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a Keras model file holds, read but not yet compiled: the ModelSpec spec, its placed layers,
 * the compile settings (empty if saved uncompiled) and the arrays, which are read from the open file
 * when asked for; closing it closes the file (and deletes the weights a {@code .keras} zip was
 * unpacked to).
 */
record ModelFile(ModelSpec spec, Optional<CompileConfigs.CompileSpec> compile, List<LayerNode> nodes,
    SavedState state, AutoCloseable source) implements AutoCloseable {

  @Override
  public void close() {
    try {
      source.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the model file failed: " + e, e);
    }
  }
}
