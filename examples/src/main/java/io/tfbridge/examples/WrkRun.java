package io.tfbridge.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the HTTP load generator wrk ({@code apt-get install wrk}) against a TF Serving
 * {@code :predict} URL, POSTing one JSON body, and the figures it printed.
 *
 * @param requests requests completed
 * @param perSecond requests per second
 * @param p50Ms median latency in ms
 * @param p99Ms 99th percentile latency in ms
 * @param errors non-2xx answers plus socket errors (connect, read, write, timeout)
 */
record WrkRun(long requests, double perSecond, double p50Ms, double p99Ms, long errors) {
  private static final Pattern LATENCY = Pattern.compile("^\\s*(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
      Pattern.MULTILINE);
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET = Pattern.compile(
      "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /**
   * Runs {@code wrk -t THREADS -c CONNECTIONS -d SECONDS --latency} POSTing {@code body} to
   * {@code url}.
   *
   * @throws IOException if wrk is missing, fails, or prints no figures
   */
  static WrkRun run(String url, String body, int threads, int connections, int seconds)
      throws IOException {
    Path script = Files.createTempFile("tfbridge-wrk", ".lua");
    try {
      Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '" + body + "'\n"
          + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
      return parse(output(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
          "--latency", "-s", script.toString(), url)));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static String output(List<String> command) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("the load generator wrk is not installed (apt-get install wrk): " + e
          .getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("wrk exited with " + p.exitValue() + ": " + out.strip());
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while wrk ran", e);
    }
    return out;
  }

  /** The figures of wrk's printed report. */
  static WrkRun parse(String out) throws IOException {
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher m = LATENCY.matcher(out);
    while (m.find()) {
      double ms = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
        case "us" -> 1e-3;
        case "s" -> 1e3;
        default -> 1;
      };
      if (m.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    return new WrkRun(Long.parseLong(find(REQUESTS, out, 1)),
        Double.parseDouble(find(RATE, out, 1)), p50, p99, errors(out));
  }

  private static long errors(String out) {
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return errors;
  }

  private static String find(Pattern pattern, String out, int group) throws IOException {
    Matcher m = pattern.matcher(out);
    if (!m.find()) {
      throw new IOException("wrk printed no '" + pattern.pattern() + "':\n" + out.strip());
    }
    return m.group(group);
  }
}
