package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.interop.keras.LayerCases.LayerCase;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layer golden case loaded in Java and saved again as {@code .keras} and legacy {@code .h5} loads
 * in Python Keras and predicts Keras's own outputs within each case's tolerance: the layers' configs
 * and weights are written as Keras reads them. All files are checked by one Python process
 * ({@code check_java_layers.py}), which needs {@code TFBRIDGE_PYTHON}.
 */
class LayerPythonRoundTripTest {

  @Test
  void javaWrittenFilesLoadInKeras(@TempDir Path tmp) throws IOException, InterruptedException {
    String python = KerasTestData.python();
    List<String> cases = new ArrayList<>();
    for (LayerCase c : LayerCases.all().toList()) {
      Path dir = Files.createDirectories(tmp.resolve(c.name()));
      try (Stream<Path> files = Files.list(c.dir())) {
        for (Path f : files.filter(f -> f.getFileName().toString().matches("[xy](_\\d+)?\\.npy|model\\.h5"))
            .toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      try (Model model = KerasFiles.load(c.file("model.keras"))) {
        KerasFiles.save(model, dir.resolve("java.keras"));
        KerasFiles.save(model, dir.resolve("java.h5"));
      }
      cases.add(c.name());
    }
    Process p = new ProcessBuilder(python, KerasTestData.script("check_java_layers.py").toString(),
        tmp.toString(), "--atol", "1e-5").redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), "check_java_layers.py timed out");
    long ok = out.lines().filter(l -> l.startsWith("OK ")).count();
    long skipped = out.lines().filter(l -> l.startsWith("SKIP ")).count();
    System.out.printf("Python Keras loaded %d of %d Java-written files (%d .h5 skipped: Keras cannot "
        + "load its own model.h5 of those cases)%n", ok, 2 * cases.size(), skipped);
    // a skip is a case whose own Keras-written model.h5 Keras cannot load even uncompiled (14 of
    // 253 in Keras 3.15.1: op nodes); more would mean the .h5 half stopped being checked
    assertTrue(p.exitValue() == 0 && ok + skipped == 2L * cases.size() && skipped * 10 < cases.size(),
        "Python Keras could not load or reproduce Java-written files:\n" + out);
  }
}
