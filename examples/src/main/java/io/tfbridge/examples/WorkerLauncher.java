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

/**
 * {@code tfbridge lesson distributed --workers N}: a local cluster of N worker processes on 127.0.0.1,
 * each a child JVM running the lesson with its own {@code TF_CONFIG}. The chief's (worker 0's) output is
 * relayed to ours, the other workers' to our stderr prefixed {@code [worker i]}; once the chief exits,
 * the workers are stopped and its exit code is ours. A worker that exits first is reported by index,
 * pid and exit code; the chief then has {@code grace} to fail on its own before it is stopped too.
 */
final class WorkerLauncher {
  private static final String HOST = "127.0.0.1";

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
        relays.add(relay(p.getInputStream(), i == 0 ? out : err, i == 0 ? "" : "[worker " + i + "] "));
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

  /** Waits for the chief; reports a worker that exits before it and stops the chief after the grace. */
  private int await(List<Process> processes) throws InterruptedException {
    Process chief = processes.get(0);
    long deadline = Long.MAX_VALUE;
    boolean[] reported = new boolean[processes.size()];
    while (!chief.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      for (int i = 1; i < processes.size(); i++) {
        Process p = processes.get(i);
        if (!reported[i] && !p.isAlive()) {
          reported[i] = true;
          err.println("tfbridge: worker " + i + " (pid " + p.pid() + ") exited with code " + p.exitValue()
              + " while the chief was training; waiting up to " + grace.toSeconds() + " s for the chief");
          deadline = Math.min(deadline, System.nanoTime() + grace.toNanos());
        }
      }
      if (System.nanoTime() > deadline) {
        chief.destroyForcibly().waitFor();
        err.println("tfbridge: error: a worker exited early and the chief (pid " + chief.pid()
            + ") did not finish within " + grace.toSeconds() + " s; stopped it");
        return Cli.RUNTIME_ERROR;
      }
    }
    return chief.exitValue();
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

  /** A daemon thread copying {@code in}'s lines to {@code to}, each prefixed. */
  private static Thread relay(InputStream in, PrintStream to, String prefix) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          to.println(prefix + line);
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
