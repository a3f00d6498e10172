package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.losses.CosineSimilarity;
import io.tfbridge.losses.Huber;
import io.tfbridge.losses.Loss;
import io.tfbridge.losses.Losses;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A compiled loss survives .keras and .h5 files: by name, or serialized with its options. */
class LossConfigsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"loss.keras", "loss.h5"})
  void lossesWithOptionsSurviveSaveAndLoad(String name) {
    for (Loss loss : new Loss[] {Huber.of().delta(2.0), Losses.get("mape"), Losses.get("kld"),
        CosineSimilarity.of(), Losses.get("categorical_hinge")}) {
      try (Model model = Sequential.of(Input.of(4), Dense.of(3)).seed(1).compile(SGD.of(), loss)) {
        KerasFiles.save(model, tmp.resolve(name));
        try (Model loaded = KerasFiles.load(tmp.resolve(name))) {
          assertEquals(loss, loaded.definition().loss(), name);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"module\": \"keras.losses\", \"class_name\": \"Huber\", \"config\": {\"name\": "
          + "\"huber_loss\", \"reduction\": \"sum_over_batch_size\"}, \"registered_name\": null}",
      "\"huber\""})
  void kerasWrittenHuberLoads(String loss) throws IOException {
    Path file = KerasTestData.editConfig(tmp, "huber.keras", config -> withLoss(config, loss));
    try (Model model = KerasFiles.load(file)) {
      assertEquals(Huber.of(), model.definition().loss());
    }
  }

  @org.junit.jupiter.api.Test
  void unsupportedLossesAreRefusedNamingThem() {
    String loss = "{\"module\": \"keras.losses\", \"class_name\": \"Huber\", \"config\": "
        + "{\"reduction\": \"sum\"}, \"registered_name\": null}";
    String message = assertThrows(IllegalArgumentException.class, () -> KerasFiles.load(
        KerasTestData.editConfig(tmp, "sum.keras", config -> withLoss(config, loss)))).getMessage();
    assertTrue(message.contains("loss Huber: option reduction=sum"), message);
  }

  private static String withLoss(String config, String loss) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = (ObjectNode) json.readTree(config);
      ((ObjectNode) root.get("compile_config")).set("loss", json.readTree(loss));
      return root.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
