package io.tfbridge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.tensorflow.Result;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * The per-batch runs of a compiled model: one {@code Session.run} each, feeding the batch and
 * fetching by op name. Every tensor it makes closes before it returns, except a prediction, which the
 * caller owns.
 */
final class Steps {
  /**
   * Rows up to which a run (a prediction, a training or test step) runs its ops on the calling
   * thread (TensorFlow's {@code RunOptions.inter_op_thread_pool = -1}): for a service's few-row
   * requests and small batches the hand-off to the inter-op pool costs more than the ops
   * (measured: 76 → 55 µs for a bare one-row Session.run of the iris MLP); larger batches keep the
   * pool, whose threads run independent ops side by side. {@code -Dtfbridge.callerThreadRows=N}
   * changes it (0: never).
   */
  static final int CALLER_THREAD_ROWS = Integer.getInteger("tfbridge.callerThreadRows", 16);

  private static final RunOptions CALLER_THREAD =
      RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private final Session session;
  private final TrainingGraph ops;
  private final ModelDefinition definition;
  private final RunOutputs names;

  Steps(Session session, TrainingGraph ops, ModelDefinition definition, RunOutputs names) {
    this.session = session;
    this.ops = ops;
    this.definition = definition;
    this.names = names;
  }

  /**
   * The loss and metric sums of a batch; {@code train} sets the layers' mode, {@code step} trains.
   *
   * @param sampleWeight each sample's weight in the loss ({@code [batch]}), or null for ones
   */
  BatchResult sums(List<? extends Tensor> xs, List<TFloat32> ys, TFloat32 sampleWeight,
      boolean train, boolean step) {
    Session.Runner runner = onCallerThread(feedLabels(feed(xs), ys), xs);
    if (sampleWeight != null) {
      names.feed(runner, ops.sampleWeight, sampleWeight);
    }
    names.fetch(runner, ops.lossSum);
    names.fetch(runner, ops.lossCount);
    ops.figureStates.forEach(states -> states.forEach(m -> names.fetch(runner, m)));
    try (TFloat32 flag = TFloat32.scalarOf(train ? 1f : 0f)) {
      if (train) {
        names.feed(runner, ops.trainingFlag, flag);
      }
      if (step) {
        names.target(runner, ops.trainStep());
      }
      try (Result result = runner.run()) {
        return new BatchResult(scalar(result.get(0)), scalar(result.get(1)), figures(result));
      }
    }
  }

  /** The inference outputs of a batch, copied out of the run's result; the caller closes them. */
  List<TFloat32> predict(List<? extends Tensor> xs) {
    List<TFloat32> out = new ArrayList<>();
    try {
      predict(xs, (i, source) -> out.add(TFloat32.tensorOf(source.shape(), source::copyTo)));
      return out;
    } catch (RuntimeException | Error e) {
      out.forEach(TFloat32::close);
      throw e;
    }
  }

  /**
   * Runs the inference outputs of a batch and hands each, by output index, to {@code sink} while
   * the run's tensors are open (they close when it returns): the copy to the caller's array is the
   * only one.
   */
  void predict(List<? extends Tensor> xs, BiConsumer<Integer, TFloat32> sink) {
    Session.Runner runner = feed(xs);
    ops.outputs.forEach(o -> names.fetch(runner, o.value()));
    onCallerThread(runner, xs);
    try (Result result = runner.run()) {
      for (int i = 0; i < ops.outputs.size(); i++) {
        sink.accept(i, (TFloat32) result.get(i));
      }
    }
  }

  /** Sets {@code runner} to run on the calling thread for a batch of few rows. */
  private static Session.Runner onCallerThread(Session.Runner runner, List<? extends Tensor> xs) {
    return !xs.isEmpty() && rows(xs.get(0)) <= CALLER_THREAD_ROWS
        ? runner.setOptions(CALLER_THREAD) : runner;
  }

  private static long rows(Tensor x) {
    return x.shape().numDimensions() == 0 ? 1 : x.shape().get(0);
  }

  /** One training step traced with {@code FULL_TRACE}: TensorFlow's run metadata. */
  RunMetadata traceTrainStep(List<? extends Tensor> xs, List<TFloat32> ys) {
    try (TFloat32 flag = TFloat32.scalarOf(1f)) {
      Session.Runner runner = names.target(names.feed(feedLabels(feed(xs), ys),
          ops.trainingFlag, flag), ops.trainStep());
      runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
      try (Result result = runner.runAndFetchMetadata()) {
        return result.getMetadata().orElseThrow();
      }
    }
  }

  /** The gradients of the batch's mean loss in trainable-weight order; no step is taken. */
  List<float[]> gradients(List<? extends Tensor> xs, List<TFloat32> ys, boolean training) {
    Session.Runner runner = feedLabels(feed(xs), ys);
    List<Output<TFloat32>> gradients = ops.gradients();
    gradients.forEach(g -> names.fetch(runner, g));
    List<float[]> values = new ArrayList<>();
    try (TFloat32 flag = TFloat32.scalarOf(training ? 1f : 0f);
        Result result = names.feed(runner, ops.trainingFlag, flag).run()) {
      for (int i = 0; i < gradients.size(); i++) {
        TFloat32 g = (TFloat32) result.get(i);
        float[] data = new float[Math.toIntExact(g.size())];
        g.asRawTensor().data().asFloats().read(data);
        values.add(data);
      }
    }
    return values;
  }

  /** A runner with the model's inputs fed, one tensor per input in the model's order. */
  private Session.Runner feed(List<? extends Tensor> xs) {
    if (xs.size() != ops.xs.size()) {
      throw new IllegalArgumentException("Model '" + definition.name() + "' expects "
          + ops.xs.size() + " input(s) " + definition.inputs().stream().map(ModelInput::name).toList()
          + ", received " + xs.size());
    }
    Session.Runner runner = session.runner();
    for (int i = 0; i < xs.size(); i++) {
      names.feed(runner, ops.xs.get(i), xs.get(i));
    }
    return runner;
  }

  /** Feeds one label tensor per output. */
  private Session.Runner feedLabels(Session.Runner runner, List<TFloat32> ys) {
    if (ys.size() != ops.ys.size()) {
      throw new IllegalArgumentException("Model '" + definition.name() + "' has "
          + ops.ys.size() + " output(s) " + definition.outputs().stream().map(ModelOutput::name).toList()
          + ", received labels for " + ys.size());
    }
    for (int i = 0; i < ys.size(); i++) {
      names.feed(runner, ops.ys.get(i), ys.get(i));
    }
    return runner;
  }

  /** Each figure's state tensors, flattened, in fetch order after the loss sum and count. */
  private double[][][] figures(Result result) {
    double[][][] figures = new double[ops.figureStates.size()][][];
    int next = 2;
    for (int f = 0; f < figures.length; f++) {
      figures[f] = new double[ops.figureStates.get(f).size()][];
      for (int s = 0; s < figures[f].length; s++) {
        figures[f][s] = values((TFloat32) result.get(next++));
      }
    }
    return figures;
  }

  private static double[] values(TFloat32 t) {
    float[] data = new float[Math.toIntExact(t.size())];
    t.asRawTensor().data().asFloats().read(data);
    double[] out = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = data[i];
    }
    return out;
  }

  private static double scalar(Tensor t) {
    return ((TFloat32) t).getFloat();
  }
}
