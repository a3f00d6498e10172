package io.tfbridge.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes processes sent over TCP, as the kernel counts them: {@code ss -tinpHO} (iproute2) lists
 * every connected TCP socket on one line with its owning processes ({@code pid=}) and the kernel's
 * {@code tcp_info} counters {@code bytes_sent} (payload bytes the socket has sent since it opened,
 * retransmissions included) and {@code bytes_retrans} (those retransmissions: loopback has some under
 * load, tens of KB over a run). A socket's figure is their difference, each payload byte once, whether
 * or not the peer has acknowledged it yet. The difference of two {@link #sample}s is
 * what each process sent in between: a socket opened in between counts whole; a socket closed in
 * between loses what it sent after the first sample, so {@link Traffic#closed} says how many did.
 * Needs {@code ss} on the PATH and, for other users' processes, root.
 *
 * <pre>{@code
 * Map<String, TcpCounters.Socket> before = TcpCounters.sample();
 * // ... the processes talk ...
 * TcpCounters.Traffic traffic = TcpCounters.between(before, TcpCounters.sample(), List.of(pid));
 * long bytes = traffic.sent()[0];
 * }</pre>
 */
final class TcpCounters {
  private static final List<String> COMMAND = List.of("ss", "-tinpHO");
  private static final Pattern PID = Pattern.compile("pid=(\\d+)");
  private static final Pattern SENT = Pattern.compile("\\bbytes_sent:(\\d+)");
  private static final Pattern RETRANSMITTED = Pattern.compile("\\bbytes_retrans:(\\d+)");

  /** One socket: its local and peer addresses, its owner and its bytes sent (without retransmissions). */
  record Socket(String key, long pid, long bytesSent) {}

  /**
   * What the processes sent between two samples.
   *
   * @param sent bytes sent by each process, in the order the pids were given
   * @param kept the processes' sockets in both samples
   * @param opened the processes' sockets in the second sample only (counted whole)
   * @param closed the processes' sockets in the first sample only (bytes after it lost)
   */
  record Traffic(long[] sent, int kept, int opened, int closed) {}

  private TcpCounters() {}

  /** Every connected TCP socket of a process, by local and peer address. */
  static Map<String, Socket> sample() {
    return parse(run());
  }

  /** The sockets of {@code ss -tinpHO}'s output, those without an owner or a pid skipped. */
  static Map<String, Socket> parse(String ssOutput) {
    Map<String, Socket> sockets = new HashMap<>();
    for (String line : ssOutput.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      Matcher pid = PID.matcher(line);
      if (fields.length < 5 || !pid.find()) {
        continue;
      }
      String key = fields[3] + " " + fields[4];
      sockets.put(key, new Socket(key, Long.parseLong(pid.group(1)),
          counter(SENT, line) - counter(RETRANSMITTED, line)));
    }
    return sockets;
  }

  /** The counter {@code pattern} finds in {@code line}, 0 if absent (ss omits zero counters). */
  private static long counter(Pattern pattern, String line) {
    Matcher m = pattern.matcher(line);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** The bytes each of {@code pids} sent between the samples {@code before} and {@code after}. */
  static Traffic between(Map<String, Socket> before, Map<String, Socket> after, List<Long> pids) {
    long[] sent = new long[pids.size()];
    int kept = 0;
    int opened = 0;
    for (Socket s : after.values()) {
      int task = pids.indexOf(s.pid());
      if (task < 0) {
        continue;
      }
      Socket earlier = before.get(s.key());
      boolean same = earlier != null && earlier.pid() == s.pid() && earlier.bytesSent() <= s.bytesSent();
      sent[task] += s.bytesSent() - (same ? earlier.bytesSent() : 0);
      kept += same ? 1 : 0;
      opened += same ? 0 : 1;
    }
    int closed = (int) before.values().stream()
        .filter(s -> pids.contains(s.pid()) && !after.containsKey(s.key())).count();
    return new Traffic(sent, kept, opened, closed);
  }

  private static String run() {
    try {
      Process ss = new ProcessBuilder(COMMAND).redirectErrorStream(true).start();
      String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (ss.waitFor() != 0) {
        throw new IllegalStateException("Expected " + String.join(" ", COMMAND)
            + " to list the TCP sockets, found exit code " + ss.exitValue() + ": " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + String.join(" ", COMMAND) + " (iproute2's ss, "
          + "which measures the bytes sent): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + COMMAND.get(0), e);
    }
  }
}
