package io.tfbridge.examples;

import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.models.Model;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tfbridge bench --serve}: {@code tfbridge serve} of the lesson's iris MLP (a {@code .keras}
 * file) in a process of its own, loaded by wrk on the same machine: a warm-up, one measured run
 * (requests/s, p50/p99 latency, errors), then more runs until a million requests have been
 * answered, the server's resident memory read from {@code /proc/PID/status} after each; SIGTERM
 * at the end, whose exit code is printed. Figures only: nothing is asserted.
 */
final class ServeLoadBench {
  private static final String BODY = "{\"instances\": [[5.1, 3.5, 1.4, 0.2]]}";
  private static final Pattern PORT = Pattern.compile("^Serving iris versions .* on port (\\d+)");
  private static final int WRK_THREADS = 2;
  private static final int CONNECTIONS = 16;
  private static final int CHUNK_SECONDS = 20;
  private final PrintStream out;

  ServeLoadBench(PrintStream out) {
    this.out = out;
  }

  /** Runs the benchmark: {@code seconds} measured, then runs until {@code requests} in all. */
  void run(int seconds, long requests) throws IOException {
    Path dir = Files.createTempDirectory("tfbridge-serve-bench");
    try {
      Path model = dir.resolve("iris.keras");
      try (Model iris = JavaWorkloads.irisModel()) {
        KerasFiles.save(iris, model);
      }
      Process server = start(model, dir.resolve("server.log"));
      try {
        load(url(server), server.pid(), seconds, requests);
      } finally {
        stop(server);
      }
    } finally {
      KerasSide.deleteTree(dir);
    }
  }

  private void load(String url, long pid, int seconds, long requests) throws IOException {
    Path status = Path.of("/proc/" + pid + "/status");
    out.printf(Locale.ROOT, "tfbridge serve (the iris MLP, .keras), wrk -t%d -c%d on this "
        + "machine, POST %s%n", WRK_THREADS, CONNECTIONS, BODY);
    WrkRun warm = WrkRun.run(url, BODY, WRK_THREADS, CONNECTIONS, 10);
    long done = warm.requests();
    List<Long> rss = new ArrayList<>(List.of(LoadBench.status(status, "VmRSS:") >> 10));
    out.printf(Locale.ROOT, "warm-up 10 s: %,.0f requests/s; resident memory %d MB%n",
        warm.perSecond(), rss.get(0));
    WrkRun measured = WrkRun.run(url, BODY, WRK_THREADS, CONNECTIONS, seconds);
    done += measured.requests();
    out.printf(Locale.ROOT, "measured %d s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d "
        + "errors (%,d requests)%n", seconds, measured.perSecond(), measured.p50Ms(),
        measured.p99Ms(), measured.errors(), measured.requests());
    long errors = measured.errors();
    List<Long> counts = new ArrayList<>(List.of(warm.requests()));
    while (true) {
      rss.add(LoadBench.status(status, "VmRSS:") >> 10);
      counts.add(done);
      out.printf(Locale.ROOT, "after %,d requests: resident memory %d MB%n", done,
          rss.get(rss.size() - 1));
      if (done >= requests) {
        break;
      }
      WrkRun chunk = WrkRun.run(url, BODY, WRK_THREADS, CONNECTIONS, CHUNK_SECONDS);
      done += chunk.requests();
      errors += chunk.errors();
    }
    summary(done - warm.requests(), errors, counts, rss, LoadBench.status(status, "VmHWM:") >> 10);
  }

  /** Errors, and the memory's change over the second half of the requests (a leak grows there). */
  private void summary(long requests, long errors, List<Long> counts, List<Long> rss, long peak) {
    int half = 0;
    while (half < counts.size() - 1 && counts.get(half) < counts.get(counts.size() - 1) / 2) {
      half++;
    }
    long last = rss.get(rss.size() - 1);
    out.printf(Locale.ROOT, "%,d requests after the warm-up, %d errors; resident memory %d MB after "
        + "the warm-up, %d MB after %,d requests, %d MB at the end (%+d MB over the second half; "
        + "peak %d MB)%n", requests, errors, rss.get(0), rss.get(half), counts.get(half), last,
        last - rss.get(half), peak);
  }

  /** {@code tfbridge serve} on a free port, with the JVM's defaults as the launcher gives it. */
  private static Process start(Path model, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xss4m", "-cp",
        System.getProperty("java.class.path"), Cli.class.getName(), "serve", "--model_name",
        "iris", "--model_base_path", model.toString(), "--rest_api_port", "0"));
    return new ProcessBuilder(command).redirectError(log.toFile()).start();
  }

  private static String url(Process server) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        return "http://127.0.0.1:" + m.group(1) + "/v1/models/iris:predict";
      }
    }
    throw new IOException("tfbridge serve exited before it served (exit " + exitCode(server)
        + ")");
  }

  private void stop(Process server) throws IOException {
    server.destroy(); // SIGTERM: stop accepting, drain, exit 0
    out.println("SIGTERM: the server exited with " + exitCode(server));
  }

  private static int exitCode(Process server) throws IOException {
    try {
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        throw new IOException("tfbridge serve did not exit within 60 s of SIGTERM");
      }
      return server.exitValue();
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for tfbridge serve", e);
    }
  }
}
