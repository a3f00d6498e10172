package io.tfbridge.interop.keras;

import static io.tfbridge.interop.keras.KerasTestData.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken or unsupported files give a KerasFileException naming the file and the problem. */
class KerasFileErrorsTest {
  @TempDir Path tmp;

  @Test
  void truncatedKerasZip() throws IOException {
    Path truncated = truncatedCopy(file("iris", "model.keras"), "iris.keras");
    assertError(truncated, "not a readable zip archive (truncated or corrupt");
  }

  @Test
  void truncatedLegacyH5() throws IOException {
    Path truncated = truncatedCopy(file("iris", "model.h5"), "iris.h5");
    assertError(truncated, ": not a readable HDF5 file (truncated or corrupt: ");
  }

  @Test
  void aFlippedBitInTheWeightsIsRefusedByTheEntrysCrc() throws IOException {
    byte[] zip = Files.readAllBytes(file("iris", "model.keras"));
    int centralDirectory = indexOf(zip, new byte[] {'P', 'K', 1, 2});
    zip[centralDirectory - 100] ^= 0x10; // inside model.weights.h5, the last entry
    Path flipped = Files.write(tmp.resolve("flipped.keras"), zip);
    assertError(flipped, "Bad CRC-32 for zip entry 'model.weights.h5' (the header records "
        + "3869f045, the bytes give ");
  }

  private static int indexOf(byte[] bytes, byte[] wanted) {
    for (int i = 0; i + wanted.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  void missingConfigJson() throws IOException {
    Path broken = KerasTestData.rezip(tmp, "no-config.keras", entries -> {
      entries.remove("config.json");
      return entries;
    });
    assertError(broken, "the archive holds no config.json (entries: metadata.json, model.weights.h5)");
  }

  @Test
  void missingWeights() throws IOException {
    Path broken = KerasTestData.rezip(tmp, "no-weights.keras", entries -> {
      entries.remove("model.weights.h5");
      return entries;
    });
    assertError(broken, "the archive holds no model.weights.h5");
  }

  @Test
  void corruptWeightsFile() throws IOException {
    Path broken = KerasTestData.rezip(tmp, "bad-weights.keras", entries -> {
      byte[] h5 = entries.get("model.weights.h5");
      entries.put("model.weights.h5", Arrays.copyOf(h5, h5.length / 3));
      return entries;
    });
    assertError(broken, "model.weights.h5 is not a readable HDF5 file");
  }

  @Test
  void weightShapeDisagreesWithConfig() throws IOException {
    Path broken = edited("units.keras", "\"units\": 10", "\"units\": 12");
    assertError(broken, "layer 'dense' (Dense) weight 'kernel': the config implies shape (4, 12) but "
        + "the file holds (4, 10) at layers/dense/vars/0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"model.keras", "model.h5"})
  void unsupportedLayerOptionFromAKerasFile(String name) {
    String message = assertError(file("lstm_dropout", name),
        "layer 'lstm' (LSTM): option dropout=0.2 is not supported by tfbridge");
    assertTrue(message.startsWith(file("lstm_dropout", name) + ": "), message);
  }

  @Test
  void unsupportedLayerClass() throws IOException {
    Path unknown = edited("unknown.keras", "\"class_name\": \"Dense\"",
        "\"class_name\": \"Lambda\"");
    assertError(unknown, "(Lambda): layer class Lambda is not supported by "
        + "tfbridge; supported layers: " + String.join(", ", KerasFiles.supportedLayers()));
  }

  @Test
  void anUnregisteredCustomClassNamesItselfAndHowToRegister() throws IOException {
    Path custom = edited("custom.keras", "\"class_name\": \"Dense\"", "\"class_name\": \"MyScale\"");
    String message = assertError(custom, "(MyScale): layer class MyScale is not supported by tfbridge");
    assertTrue(message.contains("register a class of your own with KerasLayers.register"), message);
  }

  @Test
  void unsupportedActivationAndOptions() throws IOException {
    Path sparsemax = edited("sparsemax.keras", "\"activation\": \"relu\"",
        "\"activation\": \"sparsemax\"");
    assertError(sparsemax, "layer 'dense' (Dense): activation 'sparsemax' is not supported by "
        + "tfbridge; supported activations: relu, relu6, leaky_relu, elu,");
    Path regularized = edited("l2.keras", "\"kernel_regularizer\": null",
        "\"kernel_regularizer\": {\"class_name\": \"L2\", \"config\": {\"l2\": 0.01}}");
    assertError(regularized, "layer 'dense' (Dense): option kernel_regularizer=");
    Path ema = edited("ema.keras", "\"use_ema\": false", "\"use_ema\": true");
    // the saved state has no averages for the optimizer the edited config describes
    assertError(ema, "the optimizer state holds 12 slot variables, but Adam on this model keeps 18 "
        + "([[average], [momentum, velocity]] for each trainable weight)");
    Path stft = edited("stft.keras", "\"class_name\": \"GlorotUniform\"", "\"class_name\": \"STFT\"");
    assertError(stft, "layer 'dense' (Dense): kernel_initializer STFT is not supported by tfbridge");
  }

  @Test
  void filesThatAreNoModels() throws IOException {
    assertError(Files.write(tmp.resolve("empty.keras"), new byte[0]), "the file is empty");
    assertError(Files.writeString(tmp.resolve("notes.h5"), "hello"),
        "neither a Keras 3 .keras file (a zip archive) nor a legacy Keras .h5 file (HDF5)");
    Path missing = tmp.resolve("missing.keras");
    assertEquals(missing + ": no such file or directory",
        assertThrows(KerasFileException.class, () -> KerasFiles.load(missing)).getMessage());
    Path text = KerasTestData.rezip(tmp, "text.keras", entries -> {
      entries.put("config.json", "not json".getBytes(StandardCharsets.UTF_8));
      return entries;
    });
    assertError(text, "config.json is not valid JSON");
  }

  @Test
  void readSpecReportsTheSameErrors() {
    KerasFileException e = assertThrows(KerasFileException.class,
        () -> KerasFiles.readSpec(file("lstm_dropout", "model.keras")));
    assertEquals(file("lstm_dropout", "model.keras"), e.file());
    assertTrue(e.getMessage().contains("option dropout=0.2 is not supported"), e.getMessage());
  }

  /** Loading fails with the message, which names the file first. */
  private static String assertError(Path file, String expected) {
    KerasFileException e = assertThrows(KerasFileException.class, () -> KerasFiles.load(file).close());
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "expected <" + expected + "> in: " + e.getMessage());
    return e.getMessage();
  }

  private Path truncatedCopy(Path source, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    return Files.write(tmp.resolve(name), Arrays.copyOf(bytes, bytes.length / 2));
  }

  /** A copy of iris/model.keras whose config.json has the first {@code from} replaced by {@code to}. */
  private Path edited(String name, String from, String to) throws IOException {
    return KerasTestData.editConfig(tmp, name,
        c -> c.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }
}
