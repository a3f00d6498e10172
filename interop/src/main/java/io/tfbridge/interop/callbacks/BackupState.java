package io.tfbridge.interop.callbacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.interop.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A backup's {@code training_metadata.json}: Keras's {@code {"epoch": E, "batch": B}} (the epochs
 * completed, the last batch seen) plus the name of the weights file it belongs to and the save's
 * number. Naming the file makes the pair safe: a new save writes a new weights file first and this
 * metadata after it, so whenever the process dies, the metadata names a whole weights file of its
 * own epoch.
 */
record BackupState(int epoch, int batch, String weights, long save) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The weights file name of save number {@code save}. */
  static String weightsName(long save) {
    return "checkpoint-" + save + ".weights.h5";
  }

  /**
   * The metadata in {@code file}, empty if there is none.
   *
   * @throws IOException if it is unreadable or not what a backup writes
   */
  static Optional<BackupState> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode node = JSON.readTree(file.toFile());
    if (node == null || !node.path("epoch").isInt() || !node.path("weights").isTextual()) {
      throw new IOException("not a backup's metadata (expected {\"epoch\": N, \"batch\": B, "
          + "\"weights\": \"<file>\", \"save\": S}): " + file);
    }
    return Optional.of(new BackupState(node.get("epoch").asInt(), node.path("batch").asInt(),
        node.get("weights").asText(), node.path("save").asLong()));
  }

  /** Writes the metadata to {@code file} atomically. */
  void write(Path file) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("epoch", epoch).put("batch", batch).put("weights", weights).put("save", save);
    byte[] bytes = JSON.writeValueAsBytes(node);
    AtomicFiles.write(file, tmp -> Files.write(tmp, bytes));
  }
}
