package io.tfbridge.examples;

import io.tfbridge.examples.BenchWorker.Design;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code tfbridge bench --workers}: multi-worker training of the lesson's distributed model
 * (784-64-64-10, Adam, global batch 128) in worker processes on 127.0.0.1, in the collective design
 * (every task trains on its own share, gradients all-reduced) and the in-graph design it replaces (the
 * chief feeds every worker's share and gathers every gradient), for each worker count. Per run: the
 * chief's samples/s over a measured epoch (after a warm-up epoch) and the bytes each task's process
 * sent over TCP during that epoch per step, from the kernel's socket counters ({@link TcpCounters}),
 * sampled while every training task waits before and after the epoch. Printed, never asserted.
 *
 * <pre>{@code
 * new MultiWorkerBench(System.out).run(4096, 1, 2, 4);
 * }</pre>
 */
final class MultiWorkerBench {
  /** How long one task may take to reach the next pause (its JVM's start and compilation included). */
  private static final Duration PAUSE_TIMEOUT = Duration.ofMinutes(5);
  private static final String ROW = "  %-10s  %7s  %9s  %s%n";

  private final PrintStream out;
  private int kept;
  private int opened;
  private int closed;

  MultiWorkerBench(PrintStream out) {
    this.out = out;
  }

  /** One run's figures: the chief's throughput, the bytes per step each task sent. */
  record Figures(double samplesPerSecond, long[] sentPerStep) {}

  /** Prints the table for each design and each of {@code workerCounts}, on {@code samples} rows. */
  void run(int samples, int... workerCounts) throws IOException, InterruptedException {
    int steps = (samples + MirroredBench.BATCH - 1) / MirroredBench.BATCH;
    out.printf(Locale.ROOT, "multi-worker training, 784-64-64-10, global batch %d, %d samples (%d steps) "
        + "measured, %d cores (127.0.0.1):%n", MirroredBench.BATCH, samples, steps,
        Runtime.getRuntime().availableProcessors());
    out.printf(ROW, "design", "workers", "samples/s", "sent per step (KB): chief / each other worker (mean)");
    for (Design design : Design.values()) {
      for (int workers : workerCounts) {
        Figures figures = measure(design, workers, samples);
        out.printf(ROW, design.label, workers, String.format(Locale.ROOT, "%,.0f", figures.samplesPerSecond()),
            sent(figures.sentPerStep()));
        out.flush();
      }
    }
    out.printf("  (KB = 1000 bytes that each task's process sent over TCP, retransmissions not counted: the "
        + "kernel's counters of its sockets from ss; connections: %d kept, %d opened, %d closed during the "
        + "measured epochs)%n", kept, opened, closed);
  }

  /** {@code chief / mean of the others}, or the chief's figure alone for one worker. */
  private static String sent(long[] perStep) {
    String chief = kilobytes(perStep[0]);
    if (perStep.length == 1) {
      return chief + " / —";
    }
    double others = IntStream.range(1, perStep.length).mapToLong(i -> perStep[i]).average().orElse(0);
    return chief + " / " + kilobytes(others);
  }

  private static String kilobytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1000);
  }

  /** One run: {@code workers} processes of {@code design}, their measured epoch. */
  Figures measure(Design design, int workers, int samples) throws IOException, InterruptedException {
    List<String> args = List.of("bench", "--child-worker", design.label, "--samples",
        String.valueOf(samples));
    int trainers = design == Design.COLLECTIVE ? workers : 1;
    try (BenchCluster cluster = BenchCluster.start(workers, args)) {
      for (int i = 0; i < trainers; i++) {
        cluster.await(i, "measure-start", PAUSE_TIMEOUT);
      }
      Map<String, TcpCounters.Socket> before = TcpCounters.sample();
      String[] end = new String[trainers];
      for (int i = 0; i < trainers; i++) {
        cluster.tell(i, "go");
      }
      for (int i = 0; i < trainers; i++) {
        end[i] = cluster.await(i, "measure-end", PAUSE_TIMEOUT);
      }
      TcpCounters.Traffic traffic = TcpCounters.between(before, TcpCounters.sample(), cluster.pids());
      count(traffic);
      return figures(end[0], samples, traffic.sent());
    }
  }

  /** The figures of the chief's {@code measure-end STEPS SECONDS} line and the bytes sent. */
  private static Figures figures(String chiefEnd, int samples, long[] sent) {
    String[] fields = chiefEnd.split(" ");
    if (fields.length != 3) {
      throw new IllegalStateException("Expected the chief's line 'measure-end STEPS SECONDS', found '"
          + chiefEnd + "'");
    }
    int steps = Integer.parseInt(fields[1]);
    double seconds = Double.parseDouble(fields[2]);
    long[] perStep = new long[sent.length];
    for (int i = 0; i < sent.length; i++) {
      perStep[i] = Math.round((double) sent[i] / steps);
    }
    return new Figures(samples / seconds, perStep);
  }

  private void count(TcpCounters.Traffic traffic) {
    kept += traffic.kept();
    opened += traffic.opened();
    closed += traffic.closed();
  }
}
