package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
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
      try (ModelFile legacy = LegacyH5Reader.read(file)) {
        return legacy.spec();
      }
    }
    return KerasConfigReader.read(Json.parse(KerasArchive.readConfig(file), KerasArchive.CONFIG));
  }

  /**
   * A {@code .keras} file: its config read now; its weights unpacked to a temporary file (streamed,
   * never whole on the heap) that the returned file reads from and deletes when closed.
   */
  private static ModelFile readKeras(Path file) throws IOException {
    JsonNode config = Json.parse(KerasArchive.readConfig(file), KerasArchive.CONFIG);
    ModelSpec spec = KerasConfigReader.read(config);
    Optional<CompileConfigs.CompileSpec> compile =
        CompileConfigs.read(config.get("compile_config"), "optimizer");
    List<LayerNode> nodes = spec.build();
    Path weights = KerasArchive.extractWeights(file);
    HdfFile hdf = null;
    try {
      hdf = H5.reading(KerasArchive.WEIGHTS, () -> new HdfFile(weights));
      HdfFile open = hdf;
      return new ModelFile(spec, compile, nodes, WeightsH5Reader.read(hdf, nodes), () -> {
        open.close();
        Files.deleteIfExists(weights);
      });
    } catch (RuntimeException | Error e) {
      if (hdf != null) {
        hdf.close();
      }
      Files.deleteIfExists(weights);
      throw e;
    }
  }

}
