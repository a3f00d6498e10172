package io.tfbridge.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModelFiles opens SavedModel directories, their saved_model.pb and TF Serving base dirs. */
class ModelFilesTest {
  @TempDir Path tmp;

  static Path golden(String name) {
    try {
      return Path.of(ModelFilesTest.class.getResource("/savedmodel/" + name + "/model").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void opensASavedModelDirectoryAndItsPb() {
    Path dir = golden("iris_mlp");
    try (Predictor p = ModelFiles.open(dir); Predictor q = ModelFiles.open(dir.resolve(
        "saved_model.pb"))) {
      assertEquals("[keras_tensor: float32 (None, 4)]", p.inputs().toString());
      assertEquals(dir, ((SavedModelPredictor) q).directory());
    }
  }

  @Test
  void opensTheHighestVersionOfAServingBaseDirectory() throws IOException {
    copy(golden("iris_mlp"), tmp.resolve("2"));
    copy(golden("lstm"), tmp.resolve("10"));
    Files.createDirectories(tmp.resolve("11"));          // no SavedModel inside: skipped
    Files.createDirectories(tmp.resolve("latest"));      // not a version: skipped
    try (Predictor p = ModelFiles.open(tmp)) {
      SavedModelPredictor model = assertInstanceOf(SavedModelPredictor.class, p);
      assertEquals(tmp.resolve("10"), model.directory());
    }
  }

  @Test
  void errorsNameThePath() throws IOException {
    Path missing = tmp.resolve("missing");
    assertEquals("No model at " + missing + ": no such file or directory",
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.open(missing)).getMessage());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.open(empty))
        .getMessage().startsWith(empty + " is neither a SavedModel directory"));
    Path text = Files.writeString(tmp.resolve("model.txt"), "x");
    assertEquals(text + " is not a model file: expected a SavedModel directory, a .keras or an "
        + ".h5 file",
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.open(text)).getMessage());
  }

  @Test
  void formatsComeFromTheName() {
    assertEquals(ModelFormat.KERAS, ModelFormat.of(Path.of("a/iris.keras")));
    assertEquals(ModelFormat.H5, ModelFormat.of(Path.of("iris.H5")));
    assertEquals(ModelFormat.H5, ModelFormat.of(Path.of("iris.hdf5")));
    assertEquals(ModelFormat.SAVED_MODEL, ModelFormat.of(Path.of("export/iris")));
  }

  @Test
  void aKerasMadeSavedModelConvertsToNothing() {
    Path src = golden("iris_mlp");
    Path dst = tmp.resolve("iris.keras");
    String message = assertThrows(IllegalArgumentException.class,
        () -> ModelConverter.convert(src, dst)).getMessage();
    assertTrue(message.startsWith("Cannot convert SavedModel " + src + " to .keras: it holds a "
        + "TensorFlow graph but no Keras architecture"), message);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ModelConverter.convert(src, tmp)).getMessage().endsWith("already exists; remove "
        + "it or choose another name"));
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
