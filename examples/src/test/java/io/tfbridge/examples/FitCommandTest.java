package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tfbridge.data.HostArrays;
import io.tfbridge.inference.DType;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.ModelFiles;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.npy.NpyFiles;
import io.tfbridge.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * {@code tfbridge fit}: Keras-made model files (the layer golden cases,
 * {@code interop/src/test/resources/layers}) train on {@code .npy} arrays from the command line and
 * are saved in the format the output's name says.
 */
class FitCommandTest {
  private static final Path CASES = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("interop/src/test/resources/layers");

  @TempDir Path tmp;

  @Test
  void aTwoOutputModelTrainsAndItsLossFalls() throws Exception {
    Path dir = CASES.resolve("structure_two_outputs");
    Path out = tmp.resolve("trained.keras");
    CliRun run = CliRun.of("fit", dir.resolve("model.keras").toString(),
        "--x", dir.resolve("x_0.npy").toString(), "--y", "out_a=" + dir.resolve("t_0.npy"),
        "--y", "out_b=" + dir.resolve("t_1.npy"), "--epochs", "4", "--batch-size", "2",
        "--no-shuffle", "--output", out.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    List<String> epochs = run.lines().stream().filter(l -> l.startsWith("Epoch ")).toList();
    assertEquals(4, epochs.size(), run::describe);
    assertTrue(epochs.get(0).contains("out_a_loss: ") && epochs.get(0).contains("out_b_loss: "),
        run::describe);
    assertTrue(loss(epochs.get(3)) < loss(epochs.get(0)), run::describe);
    assertEquals("Saved the trained model to " + out + " (.keras)", run.lines().get(run.lines().size() - 1));
    try (Model model = KerasFiles.load(out)) {
      assertEquals(List.of("out_a", "out_b"),
          model.definition().outputs().stream().map(o -> o.name()).toList());
    }
  }

  @Test
  void integerIdsTrainAndTheSavedModelTakesThem() throws Exception {
    Path dir = CASES.resolve("structure_int_ids");
    Path out = tmp.resolve("exported");
    CliRun run = CliRun.of("fit", dir.resolve("model.h5").toString(), "--x",
        dir.resolve("x_0.npy").toString(), "--y", dir.resolve("t.npy").toString(), "--epochs", "2",
        "--quiet", "--output", out.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    try (Predictor p = ModelFiles.open(out)) {
      assertEquals(DType.INT32, p.inputs().get(0).dtype());
      Map<String, ?> y = p.predict(Map.of(p.inputs().get(0).name(), NpyFiles.read(dir.resolve("x_0.npy"))));
      assertEquals(3, ((FloatNdArray) y.values().iterator().next()).shape().get(0));
    }
    CliRun predict = CliRun.of("predict", dir.resolve("model.keras").toString(), "--input",
        dir.resolve("x_0.npy").toString(), "--output-dir", tmp.resolve("pred").toString());
    assertEquals(Cli.OK, predict.code(), predict::describe);
    float[] expected = HostArrays.toFlat(HostArrays.numbersAsFloats(NpyFiles.read(dir.resolve("y.npy")), "y"));
    float[] got = HostArrays.toFlat((FloatNdArray) NpyFiles.read(tmp.resolve("pred/output_0.npy")));
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], 1e-5, "Keras's prediction from int32 ids, element " + i);
    }
  }

  @Test
  void aMissingTargetOrAnExistingOutputIsAUsageError() throws Exception {
    Path dir = CASES.resolve("structure_two_outputs");
    CliRun missing = CliRun.of("fit", dir.resolve("model.keras").toString(), "--x",
        dir.resolve("x_0.npy").toString(), "--y", "out_a=" + dir.resolve("t_0.npy"), "--output",
        tmp.resolve("t.keras").toString());
    assertEquals(2, missing.code(), missing::describe);
    assertTrue(missing.err().contains("No --y file for 'out_b'; given: [out_a]"), missing.err());
    Path existing = Files.createFile(tmp.resolve("there.keras"));
    CliRun exists = CliRun.of("fit", dir.resolve("model.keras").toString(), "--x",
        dir.resolve("x_0.npy").toString(), "--y", "out_a=x", "--y", "out_b=y", "--output",
        existing.toString());
    assertEquals(2, exists.code(), exists::describe);
    assertTrue(exists.err().contains("already exists"), exists.err());
  }

  @Test
  void aKerasModelWithPreprocessingLayersTrainsAndKerasLoadsTheResult() throws Exception {
    Path dir = CASES.resolve("model_augmented_classifier");
    Path out = Files.createDirectories(tmp.resolve("augmented")).resolve("java.keras");
    CliRun run = CliRun.of("fit", dir.resolve("model.keras").toString(), "--x",
        dir.resolve("x_0.npy").toString(), "--y", dir.resolve("t.npy").toString(), "--epochs", "3",
        "--batch-size", "4", "--output", out.toString());
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(3, run.lines().stream().filter(l -> l.startsWith("Epoch ")).count(), run::describe);
    FloatNdArray x = (FloatNdArray) NpyFiles.read(dir.resolve("x_0.npy"));
    try (Model before = KerasFiles.load(dir.resolve("model.keras"));
        Model trained = KerasFiles.load(out)) {
      assertTrue(trained.getLayer("data_augmentation") != null, "the nested augmentation model");
      FloatNdArray y = trained.predict(x);
      assertTrue(maxDifference(before.predict(x), y) > 1e-4, "training changed the predictions");
      PythonKerasCheck.writeCase(out.getParent(), x, y);
    }
    PythonKerasCheck.assertKerasAgrees(tmp, 1e-5, "OK augmented/java.keras");
  }

  private static double maxDifference(FloatNdArray a, FloatNdArray b) {
    float[] u = HostArrays.toFlat(a);
    float[] v = HostArrays.toFlat(b);
    double worst = 0;
    for (int i = 0; i < u.length; i++) {
      worst = Math.max(worst, Math.abs(u[i] - v[i]));
    }
    return worst;
  }

  private static double loss(String epochLine) {
    String tail = epochLine.substring(epochLine.indexOf(" loss: ") + 7);
    return Double.parseDouble(tail.split(" ")[0]);
  }
}
