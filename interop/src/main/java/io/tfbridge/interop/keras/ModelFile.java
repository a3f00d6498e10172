package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.models.ModelSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a Keras model file holds, read but not yet compiled: the ModelSpec spec, its placed layers,
 * the compile settings (empty if saved uncompiled) and the arrays.
 */
record ModelFile(ModelSpec spec, Optional<CompileConfigs.CompileSpec> compile, List<LayerNode> nodes,
    SavedState state) {}
