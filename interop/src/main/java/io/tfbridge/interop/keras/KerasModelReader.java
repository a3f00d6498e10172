package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads either Keras format into a {@link ModelFile}; the format comes from the file's first bytes. */
final class KerasModelReader {
  private KerasModelReader() {}

  /** The spec, compile settings and arrays of a {@code .keras} or legacy {@code .h5} file. */
  static ModelFile read(Path file) throws IOException {
    return KerasFormat.detect(file) == KerasFormat.KERAS ? readKeras(file) : LegacyH5Reader.read(file);
  }

  /** Only the spec: for a .keras file the weights are not parsed. */
  static ModelSpec readSpec(Path file) throws IOException {
    if (KerasFormat.detect(file) == KerasFormat.LEGACY_H5) {
      return LegacyH5Reader.read(file).spec();
    }
    return KerasConfigReader.read(config(KerasArchive.read(file)));
  }

  private static ModelFile readKeras(Path file) throws IOException {
    KerasArchive.Contents contents = KerasArchive.read(file);
    JsonNode config = config(contents);
    ModelSpec spec = KerasConfigReader.read(config);
    Optional<CompileConfigs.CompileSpec> compile =
        CompileConfigs.read(config.get("compile_config"), "optimizer");
    List<LayerNode> nodes = spec.build();
    return new ModelFile(spec, compile, nodes, WeightsH5Reader.read(contents.weights(), nodes));
  }

  private static JsonNode config(KerasArchive.Contents contents) {
    return Json.parse(contents.config(), KerasArchive.CONFIG);
  }
}
