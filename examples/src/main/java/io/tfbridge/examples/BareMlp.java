package io.tfbridge.examples;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The lesson's iris network (4-10-10-3, relu, relu, softmax) written directly in TensorFlow Java ops,
 * weights as constants: the floor a one-row prediction through any wrapper is measured against
 * ({@code tfbridge bench} and the JMH benchmark {@code OneRowPredict}).
 */
public final class BareMlp implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Operand<TFloat32> input;
  private final Operand<TFloat32> output;

  /** Builds the graph and opens its session. */
  public BareMlp() {
    Ops tf = Ops.create(graph);
    input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4)));
    Operand<TFloat32> h = tf.nn.relu(dense(tf, input, 4, 10));
    h = tf.nn.relu(dense(tf, h, 10, 10));
    output = tf.nn.softmax(dense(tf, h, 10, 3));
    session = new Session(graph);
  }

  private static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, int in, int out) {
    float[][] kernel = new float[in][out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        kernel[i][j] = (float) Math.sin(i * 31 + j) * 0.5f;
      }
    }
    return tf.nn.biasAdd(tf.linalg.matMul(x, tf.constant(kernel)), tf.constant(new float[out]));
  }

  /**
   * One row in, the class probabilities out: tensor made, fed, run, read back, closed.
   *
   * @param options the run's options, or null for none
   */
  public float[] predict(float[] row, org.tensorflow.proto.RunOptions options) {
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(1, row.length), d -> d.copyFrom(
            org.tensorflow.ndarray.buffer.DataBuffers.of(row, true, false)));
        TFloat32 y = (TFloat32) run(session.runner().feed(input, x).fetch(output), options)) {
      float[] out = new float[3];
      y.copyTo(org.tensorflow.ndarray.NdArrays.wrap(Shape.of(1, 3),
          org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false)));
      return out;
    }
  }

  private static org.tensorflow.Tensor run(Session.Runner runner, org.tensorflow.proto.RunOptions o) {
    return o == null ? runner.run().get(0) : runner.setOptions(o).run().get(0);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
