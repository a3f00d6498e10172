package io.tfbridge.examples;

import io.tfbridge.distribute.MultiWorkerMirroredStrategy;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.distribute.TfConfig;
import io.tfbridge.distribute.WorkerServer;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One task of a {@link MultiWorkerBench} run, in its own process ({@code tfbridge bench --child-worker
 * DESIGN}, {@code TF_CONFIG} in its environment). It starts its TensorFlow server; a task that trains
 * (every task in the collective design, the chief alone in-graph) compiles the lesson's distributed
 * model under {@link MultiWorkerMirroredStrategy}, fits a warm-up epoch, prints {@code measure-start}
 * and waits for a line on stdin, fits the measured epoch, prints {@code measure-end STEPS SECONDS} and
 * waits again; the parent samples the network counters during both pauses and then kills every task.
 * An in-graph worker that is not the chief serves the chief until it is killed. Every task ends by
 * itself when its stdin ends, as it does when the parent is gone, however it went.
 *
 * <pre>{@code
 * BenchWorker.run(BenchWorker.Design.COLLECTIVE, 4096, reader, System.out);
 * }</pre>
 */
final class BenchWorker {
  /** The two multi-worker designs, by the name the table prints. */
  enum Design {
    COLLECTIVE("collective"),
    IN_GRAPH("in-graph");

    final String label;

    Design(String label) {
      this.label = label;
    }

    /** The design named {@code label}. */
    static Design of(String label) {
      for (Design d : values()) {
        if (d.label.equals(label)) {
          return d;
        }
      }
      throw new IllegalArgumentException("Expected a design, collective or in-graph, found " + label);
    }
  }

  private BenchWorker() {}

  /** Runs this process's task of {@code design} on {@code samples} rows; {@code in}: the parent's go. */
  static void run(Design design, int samples, BufferedReader in, PrintStream out) throws IOException {
    TfConfig config = TfConfig.fromEnvironment().orElseThrow(() -> new IllegalStateException(
        "bench --child-worker is a task of tfbridge bench --workers and expects TF_CONFIG, found none"));
    WorkerServer server = WorkerServer.start(config);
    MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(config);
    if (design == Design.IN_GRAPH) {
      if (!config.isChief()) {
        out.println("serving " + server.target());
        out.flush();
        while (in.readLine() != null) {
          // serving the chief until the parent kills this process or is gone
        }
        return;
      }
      strategy = strategy.inGraph();
    }
    train(strategy, MirroredBench.Data.random(samples), in, out);
  }

  private static void train(Strategy strategy, MirroredBench.Data data, BufferedReader in, PrintStream out)
      throws IOException {
    FitOptions epoch = FitOptions.epochs(1).batchSize(MirroredBench.BATCH).verbose(0);
    try (Strategy.Scope scope = strategy.scope()) {
      // not closed: the parent kills this process, and closing a session of the cluster's can wait
      // for a peer that is gone (TF_CloseSession)
      Model model = LessonModels.distributedMlp().seed(1).compile("adam", "sparse_categorical_crossentropy");
      model.fit(data.x(), data.y(), epoch); // warm-up
      pause("measure-start", in, out);
      long start = System.nanoTime();
      model.fit(data.x(), data.y(), epoch);
      double seconds = (System.nanoTime() - start) / 1e9;
      int steps = (data.x().length + MirroredBench.BATCH - 1) / MirroredBench.BATCH;
      pause(String.format(Locale.ROOT, "measure-end %d %.6f", steps, seconds), in, out);
    }
  }

  /**
   * Prints {@code line} and waits for the parent's line.
   *
   * @throws IllegalStateException if stdin ends instead: the parent is gone
   */
  private static void pause(String line, BufferedReader in, PrintStream out) throws IOException {
    out.println(line);
    out.flush();
    if (in.readLine() == null) {
      throw new IllegalStateException("Expected tfbridge bench --workers to say go on stdin after '" + line
          + "', found the end of stdin: the bench is gone");
    }
  }
}
