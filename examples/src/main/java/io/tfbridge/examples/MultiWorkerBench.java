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
 * <p>What to expect per step, the weights (and so the gradients) being 220 KB: a collective task sends
 * its ring all-reduce's {@code 2(N-1)/N} times the gradients (220 KB at 2 workers, 330 KB at 4) and no
 * data; the in-graph chief sends each other worker its share of the batch ({@code rows x 784 x 4} B)
 * and the weights, the second and third layers' kernels twice (the forward pass and the backward one
 * receive them by separate edges: 19 KB more), and each other worker sends back its gradients. gRPC's
 * own messages add 1-2%.
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
    out.printf(Locale.ROOT, "multi-worker training, 784-64-64-10, global batch %d, %d samples "
        + "(%d steps) measured, %d cores (127.0.0.1):%n", MirroredBench.BATCH, samples, steps,
        Runtime.getRuntime().availableProcessors());
    out.printf(ROW, "design", "workers", "samples/s",
        "sent per step (KB): chief / each other worker (mean)");
    for (Design design : Design.values()) {
      for (int workers : workerCounts) {
        Figures figures = measure(design, workers, samples);
        out.printf(ROW, design.label, workers,
            String.format(Locale.ROOT, "%,.0f", figures.samplesPerSecond()), sent(figures.sentPerStep()));
        out.flush();
      }
    }
    out.printf("  (KB = 1000 bytes that each task's process sent over TCP, retransmissions not counted: "
        + "the kernel's counters of its sockets from ss; connections: %d kept, %d opened, %d closed "
        + "during the measured epochs)%n", kept, opened, closed);
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
      awaitAll(cluster, trainers, "measure-start");
      Map<String, TcpCounters.Socket> before = TcpCounters.sample();
      for (int i = 0; i < trainers; i++) {
        cluster.tell(i, "go");
      }
      String chiefEnd = awaitAll(cluster, trainers, "measure-end");
      TcpCounters.Traffic traffic = TcpCounters.between(before, TcpCounters.sample(), cluster.pids());
      count(traffic);
      return figures(chiefEnd, samples, traffic.sent());
    }
  }

  /** Waits for each of the first {@code trainers} tasks to pause at {@code prefix}; the chief's line. */
  private static String awaitAll(BenchCluster cluster, int trainers, String prefix)
      throws InterruptedException {
    String chief = cluster.await(0, prefix, PAUSE_TIMEOUT);
    for (int i = 1; i < trainers; i++) {
      cluster.await(i, prefix, PAUSE_TIMEOUT);
    }
    return chief;
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
