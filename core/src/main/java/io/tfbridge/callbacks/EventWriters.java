package io.tfbridge.callbacks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.SummaryMetadata;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * TensorFlow summary file writers, one per run directory ({@code train}, {@code validation})
 * under a log directory, in a small graph and session of their own: each writes an
 * {@code events.out.tfevents.*.v2} file when first used, with TensorFlow's defaults (a queue of 10,
 * flushed every 2 minutes) as {@code tf.summary.create_file_writer}. Scalars and histograms are
 * written as {@code tf.summary.scalar} and {@code tf.summary.histogram} write them (a tensor with the
 * {@code scalars} or {@code histograms} plugin's metadata). Closing flushes and closes the files.
 */
final class EventWriters implements AutoCloseable {
  private final Path logDir;
  private final Graph graph;
  private final Session session;
  private final Ops tf;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> scalar;
  private final Placeholder<TFloat64> histogram;
  private final Placeholder<TString> serialized;
  private final Operand<TString> scalarsMetadata;
  private final Operand<TString> histogramsMetadata;
  private final Map<String, Writer> writers = new LinkedHashMap<>();
  private boolean closed;

  /** The ops of one summary file writer; {@code created} once its file is open. */
  private static final class Writer {
    Op create;
    Op scalar;
    Op histogram;
    Op graph;
    Op flush;
    Op close;
    boolean created;
  }

  EventWriters(Path logDir) {
    this.logDir = logDir;
    this.graph = new Graph();
    try {
      this.tf = Ops.create(graph);
      this.step = tf.placeholder(TInt64.class);
      this.tag = tf.placeholder(TString.class);
      this.scalar = tf.placeholder(TFloat32.class);
      this.histogram = tf.placeholder(TFloat64.class);
      this.serialized = tf.placeholder(TString.class);
      this.scalarsMetadata = metadata("scalars");
      this.histogramsMetadata = metadata("histograms");
      this.session = new Session(graph);
    } catch (RuntimeException | Error e) {
      graph.close();
      throw e;
    }
  }

  /** Writes a scalar summary to {@code run}'s file, as {@code tf.summary.scalar}. */
  void scalar(String run, String name, long at, double value) {
    try (TInt64 s = TInt64.scalarOf(at); TString t = TString.scalarOf(name);
        TFloat32 v = TFloat32.scalarOf((float) value)) {
      session.runner().feed(step, s).feed(tag, t).feed(scalar, v).addTarget(writer(run).scalar)
          .run();
    }
  }

  /** Writes histogram rows ({@code [left, right, count]}) as {@code tf.summary.histogram}. */
  void histogram(String run, String name, long at, double[][] buckets) {
    try (TInt64 s = TInt64.scalarOf(at); TString t = TString.scalarOf(name);
        TFloat64 v = TFloat64.tensorOf(StdArrays.ndCopyOf(buckets))) {
      session.runner().feed(step, s).feed(tag, t).feed(histogram, v)
          .addTarget(writer(run).histogram).run();
    }
  }

  /** Writes a serialized {@code GraphDef}, as {@code tf.summary.graph}. */
  void graph(String run, long at, byte[] graphDef) {
    try (TInt64 s = TInt64.scalarOf(at);
        TString g = TString.tensorOfBytes(NdArrays.scalarOfObject(graphDef))) {
      session.runner().feed(step, s).feed(serialized, g).addTarget(writer(run).graph).run();
    }
  }

  /** Flushes every open file. */
  void flush() {
    checkOpen();
    writers.values().stream().filter(w -> w.created)
        .forEach(w -> session.runner().addTarget(w.flush).run());
  }

  /** Whether {@link #close()} has not been called. */
  boolean isOpen() {
    return !closed;
  }

  /** Flushes and closes the files, then the session and graph; a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (Writer w : writers.values()) {
        if (w.created) {
          session.runner().addTarget(w.close).run();
        }
      }
    } finally {
      session.close();
      graph.close();
    }
  }

  private Writer writer(String run) {
    checkOpen();
    Writer w = writers.computeIfAbsent(run, this::build);
    if (!w.created) {
      session.runner().addTarget(w.create).run();
      w.created = true;
    }
    return w;
  }

  private Writer build(String run) {
    Operand<?> handle = tf.withName("writer_" + run).summary
        .summaryWriter(org.tensorflow.op.summary.SummaryWriter.sharedName("tfbridge_" + run));
    Writer w = new Writer();
    w.create = tf.summary.createSummaryFileWriter(handle,
        tf.constant(logDir.resolve(run).toString()), tf.constant(10), tf.constant(120_000),
        tf.constant(".v2"));
    w.scalar = tf.summary.writeSummary(handle, step, scalar, tag, scalarsMetadata);
    w.histogram = tf.summary.writeSummary(handle, step, histogram, tag, histogramsMetadata);
    w.graph = tf.summary.writeGraphSummary(handle, step, serialized);
    w.flush = tf.summary.flushSummaryWriter(handle);
    w.close = tf.summary.closeSummaryWriter(handle);
    return w;
  }

  /** A plugin's {@code SummaryMetadata}, serialized, as a constant. */
  private Operand<TString> metadata(String plugin) {
    byte[] bytes = SummaryMetadata.newBuilder()
        .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(plugin))
        .build().toByteArray();
    try (TString t = TString.tensorOfBytes(NdArrays.scalarOfObject(bytes))) {
      return tf.constantOf(t);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The TensorBoard writers of '" + logDir + "' are closed");
    }
  }
}
