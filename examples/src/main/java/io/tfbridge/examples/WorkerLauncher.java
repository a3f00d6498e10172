package io.tfbridge.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code tfbridge lesson distributed --workers N}: a local cluster of N worker processes on 127.0.0.1,
 * each a child JVM running the lesson with its own {@code TF_CONFIG}. Every worker's output is relayed
 * to ours, the chief's (worker 0's) as it is, the others' prefixed {@code [worker i]}, and their errors
 * to our stderr the same way. Once every worker has exited, the chief's exit code is ours (or the first
 * failed worker's). A worker that fails is reported by index, pid and exit code; the others then have
 * {@code grace} to fail on their own (a lost peer fails their next step) before they are stopped.
 */
final class WorkerLauncher {
  private static final String HOST = "127.0.0.1";
  /**
   * TensorFlow's native start-up lines, which every worker prints and say nothing the launcher does not
   * (absl's notice, the MLIR pass notice, the gRPC server's target): not relayed.
   */
  private static final Pattern NATIVE_NOISE = Pattern.compile(
      "WARNING: All log messages before absl::InitializeLog\\(\\) is called are written to STDERR"
          + "|I\\d{4} [0-9:. ]+ +\\d+ (mlir_graph_optimization_pass|grpc_server_lib)\\.cc:\\d+\\] "
          + "(MLIR V1 optimization pass is not enabled|Started server with target: .*)");

  private final PrintStream out;
  private final PrintStream err;
  private final Duration grace;

  /** A launcher relaying to {@code out} and {@code err}, giving the chief {@code grace} after a loss. */
  WorkerLauncher(PrintStream out, PrintStream err, Duration grace) {
    this.out = out;
    this.err = err;
    this.grace = grace;
  }

  /** Starts {@code workers} processes running {@code lesson distributed lessonArgs...}; the chief's code. */
  int launch(int workers, List<String> lessonArgs) throws InterruptedException {
    List<String> addresses = freeAddresses(workers);
    List<Process> processes = new ArrayList<>();
    List<Thread> relays = new ArrayList<>();
    try {
      for (int i = 0; i < workers; i++) {
        Process p = start(addresses, i, lessonArgs);
        processes.add(p);
        err.println("tfbridge: started worker " + i + (i == 0 ? " (chief)" : "") + " at " + addresses.get(i)
            + ", pid " + p.pid());
        relays.add(relay(p.getInputStream(), out, i == 0 ? "" : "[worker " + i + "] "));
        relays.add(relay(p.getErrorStream(), err, i == 0 ? "" : "[worker " + i + "] "));
      }
      return await(processes);
    } finally {
      processes.forEach(Process::destroyForcibly);
      for (Process p : processes) {
        p.waitFor();
      }
      for (Thread relay : relays) {
        relay.join(5000);
      }
      out.flush();
      err.flush();
    }
  }

  /**
   * Waits for every worker; once one exits with an error the others have the grace to fail on their
   * own (a lost peer fails their next collective) before they are stopped. The chief's code, else the
   * first failed worker's.
   */
  private int await(List<Process> processes) throws InterruptedException {
    long deadline = Long.MAX_VALUE;
    boolean[] reported = new boolean[processes.size()];
    while (processes.stream().anyMatch(Process::isAlive)) {
      for (int i = 0; i < processes.size(); i++) {
        Process p = processes.get(i);
        if (!reported[i] && !p.isAlive()) {
          reported[i] = true;
          if (p.exitValue() != 0 && deadline == Long.MAX_VALUE) {
            err.println("tfbridge: worker " + i + " (pid " + p.pid() + ") exited with code " + p.exitValue()
                + "; waiting up to " + grace.toSeconds() + " s for the others to stop");
            deadline = System.nanoTime() + grace.toNanos();
          }
        }
      }
      if (System.nanoTime() > deadline) {
        return stopRemaining(processes);
      }
      Thread.sleep(100);
    }
    return processes.stream().mapToInt(Process::exitValue).filter(code -> code != 0).findFirst()
        .orElse(processes.get(0).exitValue());
  }

  /** Stops the workers still running after the grace; a runtime error. */
  private int stopRemaining(List<Process> processes) throws InterruptedException {
    List<String> stopped = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      if (p.isAlive()) {
        p.destroyForcibly().waitFor();
        stopped.add("worker " + i + " (pid " + p.pid() + ")");
      }
    }
    err.println("tfbridge: error: a worker failed and " + String.join(", ", stopped) + " did not stop within "
        + grace.toSeconds() + " s; stopped them");
    return Cli.RUNTIME_ERROR;
  }

  private static Process start(List<String> addresses, int index, List<String> lessonArgs) {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xss4m", "-cp",
        System.getProperty("java.class.path"), Cli.class.getName(), "lesson", "distributed"));
    command.addAll(lessonArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TF_CONFIG", tfConfig(addresses, index));
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start worker " + index + " (" + command.get(0) + "): "
          + e.getMessage(), e);
    }
  }

  /** The TF_CONFIG JSON of worker {@code index} of the cluster {@code addresses}. */
  static String tfConfig(List<String> addresses, int index) {
    return "{\"cluster\": {\"worker\": [\"" + String.join("\", \"", addresses) + "\"]}, "
        + "\"task\": {\"type\": \"worker\", \"index\": " + index + "}}";
  }

  /** The java this JVM runs, else java.home's. */
  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** {@code n} distinct 127.0.0.1 ports free right now (the OS's choice). */
  static List<String> freeAddresses(int n) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return sockets.stream().map(s -> HOST + ":" + s.getLocalPort()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find " + n + " free ports on " + HOST + ": " + e.getMessage(), e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // the port is free again either way
        }
      }
    }
  }

  /** Whether {@code line} is one of TensorFlow's native start-up lines. */
  static boolean isNativeNoise(String line) {
    return NATIVE_NOISE.matcher(line).matches();
  }

  /** A daemon thread copying {@code in}'s lines to {@code to}, each prefixed, but native noise. */
  private static Thread relay(InputStream in, PrintStream to, String prefix) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!isNativeNoise(line)) {
            to.println(prefix + line);
          }
        }
      } catch (IOException ended) {
        // the process is gone
      }
    }, "tfbridge-relay");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
