package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/** Each way a SavedModel directory can be broken gives a message naming it and the problem. */
class SavedModelDirectoryErrorsTest {
  private static final GoldenSavedModels GOLDEN = GoldenSavedModels.committed();

  @TempDir Path tmp;

  @Test
  void missingDirectory() {
    Path dir = tmp.resolve("nowhere");
    assertMessage("SavedModel directory " + dir + " does not exist", dir);
  }

  @Test
  void directoryWithoutSavedModelPb() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "hi");
    Files.createDirectories(tmp.resolve("variables"));
    assertMessage(tmp + " is not a SavedModel directory: it holds no saved_model.pb (found: "
        + "notes.txt, variables/)", tmp);
  }

  @Test
  void aFileIsNotASavedModel() throws IOException {
    Path file = Files.writeString(tmp.resolve("model.bin"), "x");
    assertMessage(file + " is not a SavedModel directory: it holds no saved_model.pb", file);
  }

  @Test
  void kerasExportWithoutVariables() throws IOException {
    Path dir = withoutVariables("iris_mlp");
    String message = assertThrows(IllegalArgumentException.class, () -> SavedModels.load(dir))
        .getMessage();
    assertEquals("SavedModel " + dir + " has no variables: "
        + dir.resolve("variables/variables.index")
        + " is missing, but the model holds 6 variable(s) (e.g. 'sequential/dense/kernel'). Copy "
        + "the whole SavedModel directory, variables/ included.", message);
  }

  @Test
  void tfModuleWithoutVariables() throws IOException {
    Path dir = withoutVariables("tf_module");
    assertMessage("SavedModel " + dir + " has no variables: ", dir);
    assertThrows(IllegalArgumentException.class, () -> SavedModels.signatures(dir));
  }

  @Test
  void variablesWithoutTheirDataShard() throws IOException {
    Path dir = GoldenSavedModels.copy(GOLDEN.model("iris_mlp"), tmp.resolve("iris"));
    Files.delete(dir.resolve("variables/variables.data-00000-of-00001"));
    assertMessage("Cannot load SavedModel " + dir + ": ", dir);
  }

  @Test
  void truncatedSavedModelPb() throws IOException {
    Path dir = GoldenSavedModels.copy(GOLDEN.model("iris_mlp"), tmp.resolve("iris"));
    byte[] pb = Files.readAllBytes(dir.resolve("saved_model.pb"));
    Files.write(dir.resolve("saved_model.pb"), java.util.Arrays.copyOf(pb, pb.length / 2));
    assertMessage("SavedModel " + dir + ": saved_model.pb is not a valid SavedModel protocol "
        + "buffer (truncated or corrupt?)", dir);
  }

  @Test
  void noMetaGraphTaggedServe() throws IOException {
    Path dir = GoldenSavedModels.copy(GOLDEN.model("iris_mlp"), tmp.resolve("iris"));
    SavedModel proto = SavedModel.parseFrom(Files.readAllBytes(dir.resolve("saved_model.pb")));
    MetaGraphDef graph = proto.getMetaGraphs(0);
    MetaGraphDef train = graph.toBuilder().setMetaInfoDef(
        graph.getMetaInfoDef().toBuilder().clearTags().addTags("train")).build();
    Files.write(dir.resolve("saved_model.pb"),
        proto.toBuilder().setMetaGraphs(0, train).build().toByteArray());
    assertMessage("SavedModel " + dir + " has no meta graph tagged 'serve'; its tag sets are "
        + "[[train]]", dir);
  }

  @Test
  void unknownSignatureListsTheSignatures() {
    Path dir = GOLDEN.model("tf_module");
    String message = assertThrows(IllegalArgumentException.class,
        () -> SavedModels.load(dir, "predict")).getMessage();
    assertEquals("SavedModel " + dir + " has no signature 'predict'; its signatures are greet, "
        + "serving_default", message);
    try (SavedModelPredictor model = SavedModels.load(dir)) {
      assertEquals(message, assertThrows(IllegalArgumentException.class,
          () -> model.signature("predict")).getMessage());
    }
  }

  private Path withoutVariables(String name) throws IOException {
    Path dir = GoldenSavedModels.copy(GOLDEN.model(name), tmp.resolve(name));
    try (Stream<Path> files = Files.walk(dir.resolve("variables"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return dir;
  }

  private static void assertMessage(String expectedStart, Path dir) {
    String message = assertThrows(IllegalArgumentException.class, () -> SavedModels.load(dir))
        .getMessage();
    assertTrue(message.startsWith(expectedStart), () -> "message: " + message);
  }
}
