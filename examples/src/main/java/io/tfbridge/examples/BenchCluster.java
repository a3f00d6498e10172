package io.tfbridge.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The worker processes of one {@link MultiWorkerBench} run: a child JVM per task on 127.0.0.1, each
 * with its own {@code TF_CONFIG}, its stdout read line by line, its stderr kept in a file for the
 * error of a task that fails. {@link #close} kills every task, whatever happened.
 *
 * <pre>{@code
 * try (BenchCluster cluster = BenchCluster.start(2, List.of("bench", "--child-worker", "collective"))) {
 *   cluster.await(0, "measure-start", Duration.ofMinutes(3));
 * }
 * }</pre>
 */
final class BenchCluster implements AutoCloseable {
  private static final String EXITED = "\u0000exited";

  private final List<Process> processes = new ArrayList<>();
  private final List<BlockingQueue<String>> lines = new ArrayList<>();
  private final List<Path> stderr = new ArrayList<>();

  private BenchCluster() {}

  /** Starts {@code workers} tasks, each running {@code tfbridge cliArgs...} with its TF_CONFIG. */
  static BenchCluster start(int workers, List<String> cliArgs) throws IOException {
    List<String> addresses = WorkerLauncher.freeAddresses(workers);
    BenchCluster cluster = new BenchCluster();
    try {
      for (int i = 0; i < workers; i++) {
        cluster.startTask(addresses, i, cliArgs);
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startTask(List<String> addresses, int index, List<String> cliArgs) throws IOException {
    List<String> args = new ArrayList<>(List.of(Cli.class.getName()));
    args.addAll(cliArgs);
    Path errors = Files.createTempFile("tfbridge-worker" + index + "-", ".stderr");
    stderr.add(errors);
    ProcessBuilder builder = new ProcessBuilder(ChildRun.java(args.toArray(String[]::new)))
        .redirectError(errors.toFile());
    builder.environment().put("TF_CONFIG", WorkerLauncher.tfConfig(addresses, index));
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    Process process = builder.start();
    processes.add(process);
    lines.add(relay(process));
  }

  /** The tasks' process ids, by task index. */
  List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  /**
   * Waits for task {@code task}'s first line starting with {@code prefix} and returns it.
   *
   * @throws IllegalStateException if the task exits first or prints no such line within {@code timeout},
   *     with the tail of its stderr
   */
  String await(int task, String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (;;) {
      String line = lines.get(task).poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(EXITED)) {
        throw failed(task, prefix, line == null ? "did not print it within " + timeout.toSeconds() + " s"
            : "exited with code " + exitCode(processes.get(task)) + " first");
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Writes {@code line} to task {@code task}'s standard input. */
  void tell(int task, String line) throws IOException {
    var in = processes.get(task).getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private IllegalStateException failed(int task, String prefix, String what) {
    Process p = processes.get(task);
    return new IllegalStateException("Expected worker " + task + " (pid " + p.pid() + ") to print '"
        + prefix + "', but it " + what + "; its stderr ends:\n" + tail(stderr.get(task), 20));
  }

  private static String exitCode(Process p) {
    try {
      return p.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "(still running)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(unknown: interrupted)";
    }
  }

  private static String tail(Path file, int count) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A daemon thread queuing the process's stdout lines, then {@link #EXITED}. */
  private static BlockingQueue<String> relay(Process process) {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        reader.lines().forEach(queue::add);
      } catch (IOException | UncheckedIOException ended) {
        // the process is gone
      }
      queue.add(EXITED);
    }, "tfbridge-bench-worker");
    thread.setDaemon(true);
    thread.start();
    return queue;
  }

  /** Kills every task and waits for it; deletes the stderr files. */
  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
    for (Process p : processes) {
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Path file : stderr) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind
      }
    }
  }
}
