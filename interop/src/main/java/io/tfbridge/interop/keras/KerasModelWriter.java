package io.tfbridge.interop.keras;

import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a compiled model as a {@code .keras} or legacy {@code .h5} file, chosen by the file name. The
 * file is written to a temporary file in the same directory and moved over the target atomically, so
 * a failure never leaves a half-written model behind.
 */
final class KerasModelWriter {
  private KerasModelWriter() {}

  /** Saves {@code model} with its weights and optimizer state to {@code file}. */
  static void write(Model model, Path file) throws IOException {
    KerasFormat format = KerasFormat.forName(file);
    Path target = file.toAbsolutePath();
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      if (format == KerasFormat.KERAS) {
        writeKeras(model, tmp);
      } else {
        LegacyH5Writer.write(tmp, legacyContents(model));
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void writeKeras(Model model, Path file) throws IOException {
    ModelDefinition d = model.definition();
    byte[] config = utf8(Json.write(KerasConfigWriter.modelConfig(d)));
    byte[] metadata = utf8(Json.write(KerasConfigWriter.metadata()));
    Path h5 = Files.createTempFile(file.getParent(), ".model.weights", ".h5.tmp");
    try {
      WeightsH5Writer.write(h5, d.layers(), model.weights(), OptimizerState.capture(model),
          d.optimizer().kerasName());
      KerasArchive.write(file, config, metadata, Files.readAllBytes(h5));
    } finally {
      Files.deleteIfExists(h5);
    }
  }

  private static LegacyH5Writer.Contents legacyContents(Model model) {
    ModelDefinition d = model.definition();
    Map<String, float[]> weights = model.weights();
    return new LegacyH5Writer.Contents(d.name(), d.layers(),
        Json.write(KerasConfigWriter.legacyModelConfig(d)),
        Json.write(KerasConfigWriter.trainingConfig(d)), weights, OptimizerState.capture(model),
        d.optimizer().kerasName(), OptimizerState.legacyNames(model, d.name()));
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
