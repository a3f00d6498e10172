package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.models.Sequential;
import java.util.List;
import java.util.Optional;

/**
 * What a Keras model file holds, read but not yet compiled: the Sequential spec, its placed layers,
 * the compile settings (empty if saved uncompiled) and the arrays.
 */
record ModelFile(Sequential spec, Optional<CompileConfigs.CompileSpec> compile, List<LayerNode> nodes,
    SavedState state) {}
