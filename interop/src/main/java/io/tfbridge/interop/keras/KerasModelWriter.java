package io.tfbridge.interop.keras;

import io.tfbridge.engine.ModelDefinition;
import io.tfbridge.interop.AtomicFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a compiled model as a {@code .keras} or legacy {@code .h5} file, chosen by the file name,
 * or its weights alone as a {@code .weights.h5} file. Every file is written through
 * {@link AtomicFiles}: a failure or a killed process never leaves a half-written file under the
 * target's name.
 */
final class KerasModelWriter {
  private KerasModelWriter() {}

  /** Saves {@code model} with its weights and optimizer state to {@code file}. */
  static void write(Model model, Path file) throws IOException {
    KerasFormat format = KerasFormat.forName(file);
    AtomicFiles.write(file, tmp -> {
      if (format == KerasFormat.KERAS) {
        writeKeras(model, tmp);
      } else {
        LegacyH5Writer.write(tmp, legacyContents(model));
      }
    });
  }

  /** Saves {@code model}'s weights and optimizer state as Keras's {@code save_weights} does. */
  static void writeWeights(Model model, Path file) throws IOException {
    AtomicFiles.write(file, tmp -> writeWeightsH5(model, tmp));
  }

  private static void writeKeras(Model model, Path file) throws IOException {
    ModelDefinition d = model.definition();
    byte[] config = utf8(Json.write(KerasConfigWriter.modelConfig(d)));
    byte[] metadata = utf8(Json.write(KerasConfigWriter.metadata()));
    Path h5 = Files.createTempFile(file.getParent(), ".model.weights", ".h5.tmp");
    try {
      writeWeightsH5(model, h5);
      KerasArchive.write(file, config, metadata, Files.readAllBytes(h5));
    } finally {
      Files.deleteIfExists(h5);
    }
  }

  private static void writeWeightsH5(Model model, Path file) {
    ModelDefinition d = model.definition();
    WeightsH5Writer.write(file, d.layers(), model.weights(), OptimizerState.capture(model),
        d.optimizer().kerasName());
  }

  private static LegacyH5Writer.Contents legacyContents(Model model) {
    ModelDefinition d = model.definition();
    Map<String, float[]> weights = model.weights();
    return new LegacyH5Writer.Contents(d.name(), d.layers(),
        Json.write(KerasConfigWriter.legacyModelConfig(d)),
        Json.write(KerasConfigWriter.trainingConfig(d)), weights, OptimizerState.capture(model),
        d.optimizer().kerasName(), OptimizerState.legacyNames(model, d.name()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
