package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.interop.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.StdArrays;

/**
 * SavedModels are programs: one whose signature writes a file (made by TensorFlow, see
 * models/python/make_unsafe_savedmodels.py) is refused before any of it runs, unless allowed.
 */
class UnsafeOpsTest {
  private static final Path UNSAFE = Path.of("src/test/resources/unsafe");

  @TempDir
  Path tmp;

  private static Map<String, NdArray<?>> inputs(Path written) {
    FloatNdArray x = StdArrays.ndCopyOf(new float[][] {{1, 2}, {3, 4}});
    return Map.of("x", x, "path", NdArrays.scalarOfObject(written.toString()));
  }

  @Test
  void aWriteFileInTheSignaturesFunctionIsRefusedByDefaultNamingTheOpAndFunction() {
    Path dir = UNSAFE.resolve("write_file");
    var e = assertThrows(UnsafeModelException.class, () -> SavedModels.load(dir));
    assertEquals(1, e.findings().size(), e.getMessage());
    String finding = e.findings().get(0);
    assertTrue(finding.startsWith("WriteFile (writes any file) in node 'WriteFile' of function "
        + "'__inference_serve_"), finding);
    assertTrue(e.getMessage().startsWith("SavedModel " + dir + " holds ops that reach outside the "
        + "model, refused before loading: WriteFile"), e.getMessage());
    assertTrue(e.getMessage().endsWith("--allow_unsafe_ops (UnsafeOps.Policy.ALLOW)."));
    assertThrows(UnsafeModelException.class, () -> ModelFiles.open(dir));
  }

  @Test
  void allowedItLoadsAndTheOpRuns() throws IOException {
    Path written = tmp.resolve("written.txt");
    try (SavedModelPredictor model = SavedModels.load(UNSAFE.resolve("write_file"), null,
        UnsafeOps.Policy.ALLOW)) {
      assertFalse(Files.exists(written));
      Map<String, NdArray<?>> out = model.predict(inputs(written));
      assertEquals(8f, ((FloatNdArray) out.get("y")).getFloat(1, 1));
    }
    assertEquals("written by the model", Files.readString(written));
  }

  @Test
  void printingToAFileIsRefusedPrintingToStderrIsNot() {
    var e = assertThrows(UnsafeModelException.class,
        () -> SavedModels.load(UNSAFE.resolve("print_file")));
    assertTrue(e.findings().get(0).startsWith(
        "PrintV2 (prints to a file (file:///tmp/tfbridge-print.txt)) in node"), e.getMessage());
  }

  @Test
  void aModelWithVariablesAndItsOwnSaverLoads() {
    try (SavedModelPredictor model = SavedModels.load(UNSAFE.resolve("safe_module"))) {
      FloatNdArray x = StdArrays.ndCopyOf(new float[][] {{1, 2}});
      assertEquals(4f, ((FloatNdArray) model.predict(Map.of("x", x)).get("y")).getFloat(0, 1));
    }
  }

  @Test
  void everyListedOpHasAReason() {
    UnsafeOps.all().forEach((op, why) -> assertFalse(why.isBlank(), op));
    assertTrue(UnsafeOps.all().keySet().containsAll(java.util.List.of("ReadFile", "WriteFile",
        "MatchingFiles", "SaveV2", "RestoreV2", "PyFunc", "TFRecordDataset", "Abort")));
  }
}
