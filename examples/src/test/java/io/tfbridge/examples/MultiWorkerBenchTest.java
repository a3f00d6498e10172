package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tfbridge bench --workers} (issue 13): the table of both designs at 1 and 2 worker processes,
 * whose in-graph chief sends more per step than the collective chief (it feeds the other worker's
 * share and its weights; a collective task sends only its gradients' ring share); the socket counters'
 * arithmetic; a task that fails is reported with its stderr.
 */
class MultiWorkerBenchTest {
  private static final Pattern ROW = Pattern.compile(
      "  (collective|in-graph) +(\\d) +([\\d,]+)  (\\d+\\.\\d) / (—|\\d+\\.\\d)");

  @Test
  void printsBothDesignsAndTheInGraphChiefSendsMore() {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      CliRun run = CliRun.of("bench", "--workers", "--samples", "256", "--worker-counts", "1,2");
      assertEquals(Cli.OK, run.code(), run::describe);
      List<String> lines = run.lines();
      assertTrue(lines.get(0).startsWith("multi-worker training, 784-64-64-10, global batch 128, 256 "
          + "samples (2 steps) measured, "), run::describe);
      assertEquals(7, lines.size(), run::describe);
      double[] chief = new double[2];
      for (int i = 0; i < 4; i++) {
        Matcher row = ROW.matcher(lines.get(2 + i));
        assertTrue(row.matches(), lines.get(2 + i));
        assertEquals(i < 2 ? "collective" : "in-graph", row.group(1));
        assertEquals(String.valueOf(i % 2 + 1), row.group(2));
        assertEquals(i % 2 == 0, row.group(5).equals("—"), lines.get(2 + i));
        if (i % 2 == 1) {
          chief[i / 2] = Double.parseDouble(row.group(4));
        }
      }
      assertTrue(chief[1] > chief[0], "the in-graph chief sent " + chief[1] + " KB per step, the "
          + "collective chief " + chief[0] + " KB\n" + run.out());
      assertTrue(lines.get(6).contains(", 0 closed during"), lines.get(6));
    });
  }

  @Test
  void sumsEachProcessesBytesSentBetweenSamples() {
    Map<String, TcpCounters.Socket> before = TcpCounters.parse(
        ss("127.0.0.1:5000", "127.0.0.1:6000", 7, 100) + ss("127.0.0.1:6000", "127.0.0.1:5000", 8, 40)
            + ss("127.0.0.1:5001", "127.0.0.1:6001", 7, 10));
    Map<String, TcpCounters.Socket> after = TcpCounters.parse(
        ss("127.0.0.1:5000", "127.0.0.1:6000", 7, 350) + ss("127.0.0.1:6000", "127.0.0.1:5000", 8, 40)
            + ss("127.0.0.1:5002", "127.0.0.1:6000", 8, 25) + ss("127.0.0.1:7000", "127.0.0.1:7001", 9, 1));
    TcpCounters.Traffic traffic = TcpCounters.between(before, after, List.of(7L, 8L));
    assertEquals(250, traffic.sent()[0]);
    assertEquals(25, traffic.sent()[1], "a socket opened in between counts whole");
    assertEquals(2, traffic.kept());
    assertEquals(1, traffic.opened());
    assertEquals(1, traffic.closed());
  }

  /**
   * One line of {@code ss -tinpHO} of a socket that sent {@code sent} new bytes and 30 again (no
   * counters when nothing was sent, as ss prints it).
   */
  private static String ss(String local, String peer, long pid, long sent) {
    return "ESTAB 0      0      " + local + " " + peer + " users:((\"java\",pid=" + pid + ",fd=5)) bbr "
        + "wscale:10,10 rto:204 mss:32768 " + (sent > 0 ? "bytes_sent:" + (sent + 30) + " bytes_retrans:30 "
        + "bytes_acked:" + (sent + 1) + " " : "") + "bytes_received:7 segs_out:3 segs_in:2\n";
  }

  @Test
  void aTaskThatFailsIsReportedWithItsStderr() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (BenchCluster cluster = BenchCluster.start(1, List.of("bench", "--child-worker", "ring"))) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> cluster.await(0, "measure-start", Duration.ofSeconds(50)));
        assertTrue(e.getMessage().startsWith("Expected worker 0 (pid " + cluster.pids().get(0)
            + ") to print 'measure-start', but it exited with code 1 first; its stderr ends:\n"),
            e.getMessage());
        assertTrue(e.getMessage().contains("Expected a design, collective or in-graph, found ring"),
            e.getMessage());
      }
    });
  }
}
