package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.utils.PyFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSVLogger writes the file Keras's CSVLogger writes for the same logs, byte for byte. */
class CSVLoggerTest {
  @TempDir Path dir;

  private static CSVLogger logger(Path file, JsonNode kwargs) {
    CSVLogger csv = CSVLogger.of(file);
    if (kwargs.has("separator")) {
      csv = csv.separator(kwargs.get("separator").asText());
    }
    return kwargs.has("append") ? csv.append(kwargs.get("append").asBoolean()) : csv;
  }

  @Test
  void writesKerasFileByteForByte() throws IOException {
    for (JsonNode c : KerasCallbackGoldenTest.golden().get("csv_logger")) {
      Path file = dir.resolve(c.get("file").asText());
      try (CSVLogger csv = logger(file, c.get("kwargs"))) {
        for (JsonNode run : c.get("runs")) {
          csv.onTrainBegin(new LinkedHashMap<>());
          for (int epoch = 0; epoch < run.size(); epoch++) {
            csv.onEpochEnd(epoch, KerasCallbackGoldenTest.logs(run.get(epoch)));
          }
          csv.onTrainEnd(new LinkedHashMap<>());
        }
      }
      try (InputStream keras = getClass().getResourceAsStream(KerasCallbackGoldenTest.DIR
          + c.get("file").asText())) {
        assertEquals(new String(keras.readAllBytes(), StandardCharsets.UTF_8),
            Files.readString(file), c.get("name").asText());
      }
    }
  }

  @Test
  void logsEachEpochOfAFitAndFlushesBeforeTheEnd() throws IOException {
    Path file = dir.resolve("fit.csv");
    float[][] x = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}, {0.7f, 0.1f}};
    float[][] y = {{1f}, {0f}, {1f}, {0f}};
    List<String> seenAfterEpoch0 = new java.util.ArrayList<>();
    LambdaCallback peek = LambdaCallback.builder().onEpochEnd((epoch, logs) -> {
      if (epoch == 0) {
        seenAfterEpoch0.addAll(readLines(file));
      }
    }).build();
    try (Model model = Sequential.of(Dense.of(1).inputShape(2)).seed(1).compile("sgd", "mse");
        CSVLogger csv = CSVLogger.of(file)) {
      History history = model.fit(HostArrays.of(x), HostArrays.of(y),
          FitOptions.epochs(3).batchSize(2).verbose(0).callbacks(csv, peek));
      List<String> lines = readLines(file);
      assertEquals(List.of("epoch,loss,val_loss", "0," + PyFormat.repr(history.get("loss")
          .get(0)) + ",NA"), seenAfterEpoch0, "flushed after epoch 0");
      assertEquals(4, lines.size());
      assertEquals("2," + PyFormat.repr(history.get("loss").get(2)) + ",NA", lines.get(3));
      var e = assertThrows(IllegalStateException.class,
          () -> csv.onEpochEnd(3, Map.of("loss", 1.0)));
      assertEquals("CSVLogger: " + file + " is not open; onTrainBegin opens it and onTrainEnd or "
          + "close() closes it", e.getMessage());
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return List.of(Files.readString(file).split("\r\n"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSeparatorMustBeOneCharacter() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> CSVLogger.of(dir.resolve("x.csv")).separator(", "));
    assertEquals("CSVLogger: `separator` must be a 1-character string other than a quote or a "
        + "line end. Received: separator=, ", e.getMessage());
  }
}
