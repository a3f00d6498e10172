package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Between-graph replication across worker PROCESSES on 127.0.0.1: each task ({@link CollectiveTask})
 * compiles the model in its own JVM, trains on its share of each global batch and all-reduces its
 * gradients; after 20 steps every task's weights equal, within 1e-5, one process's training on the
 * same global batches with as many replicas (BatchNormalization normalizes each replica's share, as
 * Keras's does; without it, one device), and every task reports that process's loss and accuracy.
 * The chief alone sets the initial weights and the optimizer's step count, so the tasks agree only if
 * the broadcast works. The last batch leaves a task of 3 no row ({@code dense}), and of 4 one with
 * BatchNormalization, whose statistics over no rows must not reach the weights.
 */
class CollectiveTrainingTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} tasks, {1}, {2}, chief job: {3}")
  @CsvSource({"2, sgd, bn, false", "3, adam, bn, false", "3, sgd, dense, false", "4, adam, bn, false",
      "3, sgd, bn, true"})
  void workerProcessesTrainAsOneProcess(int workers, String optimizer, String model, boolean chiefJob)
      throws Exception {
    Strategy oneProcess = model.equals("bn") ? MirroredStrategy.ofCpus(workers) : Replicas::single;
    CollectiveTask.Result expected = CollectiveTask.train(oneProcess, optimizer, model, true);
    assertEquals(CollectiveTask.STEP_COUNT + CollectiveTask.STEPS, expected.iterations());
    List<String> ports = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      ports.add("127.0.0.1:" + RemoteSessionTest.freePort());
    }
    List<Process> tasks = new ArrayList<>();
    try {
      for (int i = 0; i < workers; i++) {
        tasks.add(task(tfConfig(ports, i, chiefJob), i, optimizer, model));
      }
      for (int i = 0; i < workers; i++) {
        // a bound so that a broken cluster fails the test instead of hanging it
        assertTrue(tasks.get(i).waitFor(300, TimeUnit.SECONDS), "task " + i + " did not finish");
        assertEquals(0, tasks.get(i).exitValue(), Files.readString(dir.resolve("task" + i + ".err")));
      }
    } finally {
      tasks.forEach(Process::destroyForcibly);
    }
    for (int i = 0; i < workers; i++) {
      CollectiveTask.Result actual = CollectiveTask.read(dir.resolve("task" + i + ".bin"));
      assertEquals(expected.loss(), actual.loss(), 1e-5 * Math.max(1, Math.abs(expected.loss())),
          "task " + i + "'s epoch loss");
      assertEquals(expected.accuracy(), actual.accuracy(), 1e-6, "task " + i + "'s epoch accuracy");
      assertEquals(expected.iterations(), actual.iterations(), "task " + i + "'s optimizer step count");
      assertEquals(expected.weights().size(), actual.weights().size());
      for (int w = 0; w < expected.weights().size(); w++) {
        float[] e = expected.weights().get(w);
        float[] a = actual.weights().get(w);
        assertEquals(e.length, a.length, "weight " + w);
        for (int k = 0; k < e.length; k++) {
          assertEquals(e[k], a[k], 1e-5, "task " + i + ", weight " + w + "[" + k + "]");
        }
      }
    }
  }

  /** Task {@code index} as a child JVM, its weights in taskI.bin, its output in taskI.out/.err. */
  private Process task(String tfConfig, int index, String optimizer, String model)
      throws IOException {
    List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xss4m",
        "-cp", System.getProperty("java.class.path"), CollectiveTask.class.getName(), optimizer, model,
        dir.resolve("task" + index + ".bin").toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("task" + index + ".out").toFile())
        .redirectError(dir.resolve("task" + index + ".err").toFile());
    builder.environment().put("TF_CONFIG", tfConfig);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }

  /**
   * Task {@code index}'s TF_CONFIG: a worker job of every port, or with {@code chiefJob} the first
   * port a chief job's (Keras's other layout: the chief is the group's task 0) and the rest workers.
   */
  private static String tfConfig(List<String> ports, int index, boolean chiefJob) {
    List<String> workers = chiefJob ? ports.subList(1, ports.size()) : ports;
    String cluster = (chiefJob ? "\"chief\": [\"" + ports.get(0) + "\"], " : "") + "\"worker\": [\""
        + String.join("\", \"", workers) + "\"]";
    boolean chief = chiefJob && index == 0;
    return "{\"cluster\": {" + cluster + "}, \"task\": {\"type\": \"" + (chief ? "chief" : "worker")
        + "\", \"index\": " + (chiefJob && !chief ? index - 1 : index) + "}}";
  }
}
