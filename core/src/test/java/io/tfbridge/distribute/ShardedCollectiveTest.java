package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.BatchSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What two worker PROCESSES on 127.0.0.1 ({@link ShardedTask}, one cluster launch for every check)
 * shard besides {@code fit(x, y)}: each task evaluates and validates on its share of each batch
 * (a task gets no row of a last batch of 1) and reports one process's figures; trains on its share of
 * each batch of a {@code BatchSequence} and of {@code flow_from_directory}, ending with one process's
 * weights with as many replicas (BatchNormalization normalizes each share: whole batches on every
 * task would not match); and decodes only the images of its own rows.
 */
class ShardedCollectiveTest {
  private static final int WORKERS = 2;

  @TempDir
  static Path dir;
  private static ShardedTask.Result expected;
  private static List<ShardedTask.Result> tasks;

  @BeforeAll
  static void runOneProcessAndTheCluster() throws Exception {
    ShardedTask.writeImages(dir.resolve("images"));
    expected = ShardedTask.run(MirroredStrategy.ofCpus(WORKERS), Replicas::single,
        dir.resolve("images"), dir.resolve("one-process.logs"));
    tasks = cluster();
  }

  @Test
  void everyTaskEvaluatesItsShareAndReportsTheGlobalFigures() {
    for (int i = 0; i < WORKERS; i++) {
      ShardedTask.Result actual = tasks.get(i);
      assertEquals(expected.evalLoss(), actual.evalLoss(), 1e-6, "task " + i + "'s evaluate loss");
      assertEquals(expected.evalAccuracy(), actual.evalAccuracy(), 1e-6, "task " + i + "'s accuracy");
      assertEquals(expected.valLoss(), actual.valLoss(), 1e-6, "task " + i + "'s val_loss");
      assertEquals(expected.valAccuracy(), actual.valAccuracy(), 1e-6, "task " + i + "'s val_accuracy");
    }
  }

  @Test
  void everyTaskTrainsOnItsShareOfEachBatchOfASequence() {
    for (int i = 0; i < WORKERS; i++) {
      assertWeights(expected.denseWeights(), tasks.get(i).denseWeights(), "task " + i + ", dense");
      assertWeights(expected.sequenceWeights(), tasks.get(i).sequenceWeights(), "task " + i + ", bn");
      assertWeights(expected.imageWeights(), tasks.get(i).imageWeights(), "task " + i + ", images");
    }
  }

  @Test
  void eachTaskDecodesOnlyTheImagesOfItsRows() {
    List<Integer> all = expected.decoded(); // one process decodes every image of every batch
    assertEquals(2 * ShardedTask.IMAGES, all.size());
    for (int epoch = 0; epoch < 2; epoch++) {
      List<Integer> ids = new ArrayList<>(all.subList(epoch * ShardedTask.IMAGES,
          (epoch + 1) * ShardedTask.IMAGES));
      java.util.Collections.sort(ids);
      assertEquals(java.util.stream.IntStream.range(0, ShardedTask.IMAGES).boxed().toList(), ids,
          "every image once in epoch " + epoch);
    }
    for (int t = 0; t < WORKERS; t++) {
      List<Integer> own = new ArrayList<>();
      for (int epoch = 0; epoch < 2; epoch++) {
        for (int from = 0; from < ShardedTask.IMAGES; from += ShardedTask.IMAGE_BATCH) {
          int rows = Math.min(ShardedTask.IMAGE_BATCH, ShardedTask.IMAGES - from);
          int[] share = BatchSequence.share(rows, WORKERS, t);
          int first = epoch * ShardedTask.IMAGES + from;
          own.addAll(all.subList(first + share[0], first + share[1]));
        }
      }
      assertEquals(own, tasks.get(t).decoded(), "the images task " + t + " decoded, in order");
    }
  }

  @Test
  void theChiefAloneWritesTensorBoardLogs() throws java.io.IOException {
    try (var files = Files.list(dir.resolve("task0.bin.logs").resolve("train"))) {
      assertTrue(files.findAny().isPresent(), "the chief's event file");
    }
    for (int t = 1; t < WORKERS; t++) {
      assertFalse(Files.exists(dir.resolve("task" + t + ".bin.logs")), "task " + t + " wrote logs");
    }
  }

  private static void assertWeights(List<float[]> expected, List<float[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int w = 0; w < expected.size(); w++) {
      float[] e = expected.get(w);
      float[] a = actual.get(w);
      assertEquals(e.length, a.length, what + ", weight " + w);
      for (int k = 0; k < e.length; k++) {
        assertEquals(e[k], a[k], 1e-5, what + ", weight " + w + "[" + k + "]");
      }
    }
  }

  /** Each task's result, from a child JVM per task. */
  private static List<ShardedTask.Result> cluster() throws Exception {
    List<String> ports = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      ports.add("127.0.0.1:" + RemoteSessionTest.freePort());
    }
    List<Process> processes = new ArrayList<>();
    try {
      for (int i = 0; i < WORKERS; i++) {
        processes.add(task(ports, i));
      }
      for (int i = 0; i < WORKERS; i++) {
        // a bound so that a broken cluster fails the test instead of hanging it
        assertTrue(processes.get(i).waitFor(300, TimeUnit.SECONDS), "task " + i + " did not finish");
        assertEquals(0, processes.get(i).exitValue(),
            Files.readString(dir.resolve("task" + i + ".err")));
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    List<ShardedTask.Result> results = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      results.add(ShardedTask.read(dir.resolve("task" + i + ".bin")));
    }
    return results;
  }

  private static Process task(List<String> ports, int index) throws java.io.IOException {
    List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xss4m",
        "-cp", System.getProperty("java.class.path"), ShardedTask.class.getName(),
        dir.resolve("images").toString(), dir.resolve("task" + index + ".bin").toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("task" + index + ".out").toFile())
        .redirectError(dir.resolve("task" + index + ".err").toFile());
    builder.environment().put("TF_CONFIG", "{\"cluster\": {\"worker\": [\""
        + String.join("\", \"", ports) + "\"]}, \"task\": {\"type\": \"worker\", \"index\": "
        + index + "}}");
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }
}
