package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.interop.callbacks.BackupAndRestore;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson distributed} across worker processes on 127.0.0.1 (issues 4 and 13): three workers,
 * each training on its own share of every batch, train as one process does; a lost worker fails every
 * other task within the timeout, naming it, and a restart resumes from the chief's checkpoint.
 */
class MultiWorkerLessonTest {
  private static final Pattern EPOCH_FIGURES = Pattern.compile("^Epoch \\d+/\\d+ - .* - (loss: .*)$");

  @TempDir
  Path dir;

  @Test
  void threeWorkerProcessesTrainAsOneProcess() {
    assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
      Path cluster = dir.resolve("cluster.keras");
      Path single = dir.resolve("single.keras");
      CliRun launched = CliRun.of("lesson", "distributed", "--workers", "3", "--epochs", "2", "--seed", "7",
          "--output", cluster.toString(), "--checkpoint-dir", dir.resolve("ck").toString());
      assertEquals(Cli.OK, launched.code(), launched::describe);
      List<String> lines = launched.lines();
      assertEquals("Number of devices: 3", lines.get(0), launched::describe);
      long total = 0;
      for (int t = 0; t < 3; t++) {
        long own = 2 * ownRows(t, 3); // 2 epochs of its share of each batch
        total += own;
        String prefix = t == 0 ? "" : "[worker " + t + "] ";
        assertTrue(lines.contains(prefix + "Worker " + t + " of 3: trained on " + own
            + " samples, its share of 2 epochs of 1000"), launched::describe);
        assertTrue(lines.contains(prefix + "Worker " + t + " of 3 ran on /job:worker/replica:0/task:" + t
            + "/device:CPU:0"), launched::describe);
      }
      assertEquals(2000, total, "the shares make the data set, each epoch");
      assertFalse(Files.exists(dir.resolve("ck")), "the checkpoint is deleted once training finishes");
      CliRun local = CliRun.of("lesson", "distributed", "--replicas", "1", "--epochs", "2", "--seed", "7",
          "--output", single.toString());
      assertEquals(Cli.OK, local.code(), local::describe);
      List<String> expected = epochFigures(local.lines());
      assertEquals(2, expected.size(), local::describe);
      assertEquals(expected, epochFigures(lines), "the chief prints the global loss and accuracy");
      assertSameWeights(single, cluster);
    });
  }

  /** The rows of the lesson's 1000 samples (31 batches of 32, one of 8) that task {@code t} trains on. */
  private static long ownRows(int t, int tasks) {
    return 31L * (32 * (t + 1) / tasks - 32 * t / tasks) + (8 * (t + 1) / tasks - 8 * t / tasks);
  }

  /** "loss: .. - accuracy: .." of each epoch line. */
  private static List<String> epochFigures(List<String> lines) {
    return lines.stream().map(EPOCH_FIGURES::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
  }

  @Test
  void aKilledWorkerFailsTheOthersAndARestartResumes() {
    assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
      List<String> ports = WorkerLauncher.freeAddresses(3);
      Path checkpoints = dir.resolve("ck");
      List<String> args = List.of("--epochs", "30", "--seed", "3", "--checkpoint-dir", checkpoints.toString(),
          "--timeout", "10", "-q");
      List<Process> tasks = new ArrayList<>();
      try {
        for (int t = 0; t < 3; t++) {
          tasks.add(task(ports, t, args));
        }
        awaitFile(checkpoints.resolve(BackupAndRestore.METADATA_FILE), Duration.ofSeconds(90));
        tasks.get(1).destroyForcibly();
        long killed = System.nanoTime();
        for (int t : new int[] {0, 2}) {
          assertTrue(tasks.get(t).waitFor(40, TimeUnit.SECONDS), "worker " + t + " did not fail within 40 s");
          String err = Files.readString(dir.resolve("task" + t + ".err"));
          System.out.println("worker " + t + " failed " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed)
              + " s after worker 1 was killed: " + err.lines().filter(l -> l.startsWith("tfbridge: error:"))
              .findFirst().orElse("?"));
          assertEquals(Cli.RUNTIME_ERROR, tasks.get(t).exitValue(), err);
          assertTrue(err.contains("step of worker:" + t + " (one of 3 tasks training together) failed: worker:1 at "
              + ports.get(1) + " is unreachable"), err);
          assertTrue(err.contains("restart every task to resume from the last checkpoint (epoch "), err);
          assertFalse(err.contains("do not match"), "JavaCPP's version warning goes to SLF4J: " + err);
        }
      } finally {
        tasks.forEach(Process::destroyForcibly);
      }
      List<String> restart = new ArrayList<>(List.of("lesson", "distributed", "--workers", "3"));
      restart.addAll(args);
      CliRun resumed = CliRun.of(restart.toArray(String[]::new));
      assertEquals(Cli.OK, resumed.code(), resumed::describe);
      Matcher m = Pattern.compile("Resuming from the checkpoint of epoch (\\d+)").matcher(resumed.out());
      assertTrue(m.find(), resumed::describe);
      int from = Integer.parseInt(m.group(1));
      assertTrue(from >= 1, resumed::describe);
      assertTrue(resumed.lines().contains("[worker 2] Worker 2 of 3: trained on " + (30 - from) * ownRows(2, 3)
          + " samples, its share of " + (30 - from) + " epochs of 1000"), resumed::describe);
    });
  }

  @Test
  void aKilledChiefFailsTheWorkers() {
    assertTimeoutPreemptively(Duration.ofSeconds(100), () -> {
      List<String> ports = WorkerLauncher.freeAddresses(2);
      List<String> args = List.of("--epochs", "100", "--checkpoint-dir", dir.resolve("ck").toString(),
          "--timeout", "10", "-q");
      List<Process> tasks = new ArrayList<>();
      try {
        tasks.add(task(ports, 0, args));
        tasks.add(task(ports, 1, args));
        awaitFile(dir.resolve("ck").resolve(BackupAndRestore.METADATA_FILE), Duration.ofSeconds(60));
        tasks.get(0).destroyForcibly();
        assertTrue(tasks.get(1).waitFor(40, TimeUnit.SECONDS), "worker 1 did not fail within 40 s");
        String err = Files.readString(dir.resolve("task1.err"));
        assertEquals(Cli.RUNTIME_ERROR, tasks.get(1).exitValue(), err);
        assertTrue(err.contains("failed: worker:0 at " + ports.get(0) + " is unreachable"), err);
      } finally {
        tasks.forEach(Process::destroyForcibly);
      }
    });
  }

  @Test
  void workersWithATfConfigIsAUsageError() {
    CliRun run = CliRun.of("lesson", "distributed", "--workers", "2", "--tf-config",
        WorkerLauncher.tfConfig(List.of("127.0.0.1:1", "127.0.0.1:2"), 0));
    assertEquals(Cli.USAGE_ERROR, run.code(), run::describe);
    assertTrue(run.err().contains("--workers starts its own cluster; expected no TF_CONFIG"), run.err());
  }

  @Test
  void aClusterWithAChiefJobIsRefused() {
    CliRun run = CliRun.of("lesson", "distributed", "--tf-config", "{\"cluster\": {\"chief\": [\"127.0.0.1:1\"], "
        + "\"worker\": [\"127.0.0.1:2\"]}, \"task\": {\"type\": \"chief\", \"index\": 0}}");
    assertEquals(Cli.RUNTIME_ERROR, run.code(), run::describe);
    assertTrue(run.err().contains("expects only a \"worker\" job (worker 0 is the chief), found jobs [chief, "
        + "worker]"), run.err());
  }

  /** Task {@code index} of the cluster {@code ports} as a child JVM, its output in taskI.out/.err. */
  private Process task(List<String> ports, int index, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-Xss4m", "-cp", System.getProperty("java.class.path"), Cli.class.getName(), "lesson", "distributed"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("task" + index + ".out").toFile())
        .redirectError(dir.resolve("task" + index + ".err").toFile());
    builder.environment().put("TF_CONFIG", WorkerLauncher.tfConfig(ports, index));
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }

  private static void awaitFile(Path file, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!Files.exists(file)) {
      assertTrue(System.nanoTime() < deadline, "expected " + file + " within " + limit);
      Thread.sleep(50);
    }
  }

  private static void assertSameWeights(Path expected, Path actual) {
    try (Model a = KerasFiles.load(expected); Model b = KerasFiles.load(actual)) {
      List<float[]> wa = a.getWeights();
      List<float[]> wb = b.getWeights();
      assertEquals(wa.size(), wb.size());
      for (int w = 0; w < wa.size(); w++) {
        assertEquals(wa.get(w).length, wb.get(w).length, "weight " + w);
        for (int i = 0; i < wa.get(w).length; i++) {
          assertEquals(wa.get(w)[i], wb.get(w)[i], 1e-5, "weight " + w + "[" + i + "]");
        }
      }
    }
  }
}
