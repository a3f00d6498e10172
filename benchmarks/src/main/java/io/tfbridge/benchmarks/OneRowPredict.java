package io.tfbridge.benchmarks;

import io.tfbridge.data.HostArrays;
import io.tfbridge.examples.BareMlp;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.savedmodel.SavedModelExport;
import io.tfbridge.interop.savedmodel.SavedModels;
import io.tfbridge.models.Model;
import io.tfbridge.zoo.LessonModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * One-row prediction of the iris MLP, the latency a service sees per request: a bare TensorFlow Java
 * {@code Session.run}, tfbridge's {@code Model.predict} (by name, as {@link Predictor}; and the
 * single-array form), and the same model exported and loaded as a SavedModel. Every one runs with
 * tfbridge's JavaCPP setting ({@link io.tfbridge.engine.JavaCpp}); JavaCPP's default is measured by
 * {@code -jvmArgsAppend -Dorg.bytedeco.javacpp.maxPhysicalBytes=8g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OneRowPredict {
  private static final float[] ROW = {0.1f, -0.3f, 0.8f, 0.2f};
  private BareMlp bare;
  private Model model;
  private Predictor savedModel;
  private FloatNdArray row;
  private Map<String, FloatNdArray> byName;
  private Path dir;

  /** Builds the three: the bare graph, the Java model and its exported SavedModel. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    io.tfbridge.engine.JavaCpp.configure(); // as tfbridge does, before the first tensor
    bare = new BareMlp();
    model = LessonModels.iris().seed(1).compile("adam", "sparse_categorical_crossentropy");
    row = HostArrays.of(ROW, 1, 4);
    byName = Map.of(model.inputs().get(0).name(), row);
    dir = Files.createTempDirectory("tfbridge-jmh").resolve("iris");
    SavedModelExport.export(model, dir);
    savedModel = SavedModels.load(dir);
  }

  /** Closes every native owner. */
  @TearDown(Level.Trial)
  public void tearDown() {
    savedModel.close();
    model.close();
    bare.close();
  }

  /** The floor: a hand-built graph, one tensor in, one out. */
  @Benchmark
  public float[] bareSessionRun() {
    return bare.predict(ROW, null);
  }

  private static final org.tensorflow.proto.RunOptions CALLER =
      org.tensorflow.proto.RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  /** The floor, run on the caller's thread ({@code RunOptions.inter_op_thread_pool = -1}). */
  @Benchmark
  public float[] bareSessionRunCallerThread() {
    return bare.predict(ROW, CALLER);
  }

  /** {@code model.predict(FloatNdArray)}. */
  @Benchmark
  public FloatNdArray modelPredict() {
    return model.predict(row);
  }

  /** {@code model.predict(Map)}, as a service calls any {@link Predictor}. */
  @Benchmark
  public Map<String, NdArray<?>> modelPredictByName() {
    return model.predict(byName);
  }

  /** The exported SavedModel's {@code serving_default}, by name. */
  @Benchmark
  public Map<String, NdArray<?>> savedModelPredict() {
    return savedModel.predict(Map.of(savedModel.inputs().get(0).name(), row));
  }
}
