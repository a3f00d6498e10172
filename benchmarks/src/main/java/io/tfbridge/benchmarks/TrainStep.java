package io.tfbridge.benchmarks;

import io.tfbridge.engine.BatchResult;
import io.tfbridge.engine.JavaCpp;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * One training step of a lesson model on a batch already in tensors (Adam, accuracy tracked): what a
 * step costs apart from preparing its batch. {@code iris}: batch 10 of the 4-10-10-3 MLP;
 * {@code cnn}: batch 64 of the MNIST CNN.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainStep {
  @Param({"iris", "cnn"})
  public String model;

  private Model compiled;
  private TFloat32 x;
  private TFloat32 y;

  /** Compiles the model and makes one batch of random inputs and one-hot labels. */
  @Setup(Level.Trial)
  public void setUp() {
    JavaCpp.configure();
    boolean iris = model.equals("iris");
    compiled = (iris ? LessonModels.iris() : LessonModels.cnn()).seed(1)
        .compile("adam", "categorical_crossentropy", "accuracy");
    int batch = iris ? 10 : 64;
    int classes = iris ? 3 : 10;
    Shape xShape = iris ? Shape.of(batch, 4) : Shape.of(batch, 28, 28, 1);
    java.util.Random random = new java.util.Random(1);
    x = TFloat32.tensorOf(xShape, t -> t.scalars().forEach(s -> s.setFloat(random.nextFloat())));
    y = TFloat32.tensorOf(Shape.of(batch, classes),
        t -> { for (int i = 0; i < batch; i++) { t.setFloat(1f, i, i % classes); } });
  }

  /** Closes the batch and the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    x.close();
    y.close();
    compiled.close();
  }

  /** One step: forward, gradients, Adam's update, the loss and metric sums fetched. */
  @Benchmark
  public BatchResult step() {
    return compiled.graph().trainStep(x, y);
  }
}
