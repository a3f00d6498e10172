package io.tfbridge.interop.keras;

import static io.tfbridge.interop.keras.KerasTestData.dir;
import static io.tfbridge.interop.keras.KerasTestData.file;
import static io.tfbridge.interop.keras.KerasTestData.inputFiles;
import static io.tfbridge.interop.keras.KerasTestData.inputs;
import static io.tfbridge.interop.keras.KerasTestData.maxDiff;
import static io.tfbridge.interop.keras.KerasTestData.npy;
import static io.tfbridge.interop.keras.KerasTestData.python;
import static io.tfbridge.interop.keras.KerasTestData.run;
import static io.tfbridge.interop.keras.KerasTestData.script;
import static io.tfbridge.interop.keras.KerasTestData.writeNpy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tfbridge.layers.Add;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.SGD;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Both directions with real Keras (runs where {@code TFBRIDGE_PYTHON} names a Python with Keras 3.15,
 * as ./run-tests and CI set it): Java-written files load in Python, predict as Java did within 1e-6,
 * carry Java's optimizer state and train further ({@code models/python/check_java_keras.py}); and
 * freshly made Keras files (the lesson's full CNN among them) load in Java.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KerasPythonInteropTest {
  @TempDir Path tmp;
  /** The Java-written files of every test, checked together by the last test. */
  @TempDir static Path shared;

  /**
   * A Keras-made model trained one more epoch in Java, saved by Java, checked by Keras at the end
   * ({@link #kerasChecksEveryJavaWrittenFile}): every case as .keras, eight as .h5.
   */
  @Order(1)
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("pythonCases")
  void pythonLoadsPredictsAndTrainsJavaWrittenFiles(String testCase, String name) throws Exception {
    python(); // skipped without TFBRIDGE_PYTHON
    FloatNdArray yTrain = npy(testCase, "y_train");
    try (Model model = KerasFiles.load(file(testCase, name))) {
      model.fit(inputs(testCase, "x_train", model), yTrain, FitOptions.epochs(1).batchSize(8).verbose(0));
      checkInPython(model, name.replace("model", testCase), inputs(testCase, "x", model),
          inputFiles(dir(testCase), "x_train", model), file(testCase, "y_train.npy"), null);
    }
  }

  static Stream<Arguments> pythonCases() {
    Stream<Arguments> keras = KerasTestData.CASES.stream().map(c -> Arguments.of(c, "model.keras"));
    Stream<Arguments> h5 = Stream.of("iris", "strided_cnn", "stacked_rnn", "gru_stack", "batchnorm_mlp",
            "functional_two_inputs", "functional_residual", "functional_branchy")
        .map(c -> Arguments.of(c, "model.h5"));
    return Stream.concat(keras, h5);
  }

  /** Models built and trained in Java only, with every layer and optimizer of the DSL. */
  @Order(1)
  @ParameterizedTest
  @ValueSource(strings = {"java_cnn.keras", "java_cnn.h5", "java_rnn.keras", "java_rnn.h5"})
  void pythonLoadsJavaBuiltModels(String name) throws Exception {
    python(); // skipped without TFBRIDGE_PYTHON
    boolean cnn = name.startsWith("java_cnn");
    Sequential spec = cnn
        ? Sequential.of(
            Conv2D.of(4, 3).strides(2, 2).padding("same").activation("relu").inputShape(10, 10, 1),
            MaxPooling2D.of(2, 2).padding("same"), Flatten.of(), Dropout.of(0.2),
            Dense.of(3).activation("softmax")).seed(5)
        : Sequential.of(SimpleRNN.of(6).returnSequences(true).inputShape(4, 2),
            SimpleRNN.of(3).activation("relu").useBias(false), Dense.of(2)).seed(5);
    FloatNdArray x = KerasRoundTripTest.random(cnn ? new long[] {16, 10, 10, 1} : new long[] {16, 4, 2});
    FloatNdArray y = cnn ? KerasRoundTripTest.oneHot(16, 3) : KerasRoundTripTest.random(16, 2);
    try (Model model = cnn
        ? spec.compile(SGD.of().learningRate(0.05).momentum(0.9).nesterov(true),
            "categorical_crossentropy", "accuracy")
        : spec.compile(Adam.of().learningRate(0.01), "mse")) {
      model.fit(x, y, FitOptions.epochs(2).batchSize(8).verbose(0));
      Path xTrain = tmp.resolve("x_train.npy");
      Path yTrain = tmp.resolve("y_train.npy");
      writeNpy(xTrain, x);
      writeNpy(yTrain, y);
      checkInPython(model, name, List.of(x), List.of(xTrain), yTrain, null);
    }
  }

  /**
   * A functional model built and trained in Java only (two inputs, Concatenate, a residual Add):
   * Keras loads it as a Functional model with the Java input names, predicts as Java within 1e-6,
   * restores the iteration count and trains further.
   */
  @Order(1)
  @ParameterizedTest
  @ValueSource(strings = {"java_functional.keras", "java_functional.h5"})
  void pythonLoadsJavaBuiltFunctionalModels(String name) throws Exception {
    python(); // skipped without TFBRIDGE_PYTHON
    try (Model model = javaFunctional().compile(Adam.of().learningRate(0.01),
        "categorical_crossentropy", "accuracy")) {
      List<FloatNdArray> x = List.of(KerasRoundTripTest.random(16, 4), KerasRoundTripTest.random(16, 3));
      FloatNdArray y = KerasRoundTripTest.oneHot(16, 3);
      model.fit(x, y, FitOptions.epochs(2).batchSize(8).verbose(0));
      List<Path> xTrain = List.of(tmp.resolve("x_train_a.npy"), tmp.resolve("x_train_b.npy"));
      writeNpy(xTrain.get(0), x.get(0));
      writeNpy(xTrain.get(1), x.get(1));
      Path yTrain = tmp.resolve("y_train.npy");
      writeNpy(yTrain, y);
      checkInPython(model, name, x, xTrain, yTrain,
          "model Functional 'java_functional': inputs ['a', 'b']");
    }
  }

  /** a (4) and b (3) concatenated, a Dense, plus a Dense of b (residual Add), then softmax over 3. */
  static Functional javaFunctional() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor merged = Concatenate.of().apply(a, b);
    KerasTensor hidden = Dense.of(6).activation("relu").apply(merged);
    KerasTensor shortcut = Dense.of(6).activation("tanh").name("shortcut").apply(b);
    KerasTensor sum = Add.of().apply(hidden, shortcut);
    KerasTensor out = Dense.of(3).activation("softmax").apply(sum);
    return Functional.of(List.of(a, b), out).name("java_functional").seed(5);
  }

  /** A Java-written file Keras checks at the end, and what its check must print. */
  private record Job(List<String> args, String mustPrint) {}

  private static final List<Job> JOBS = java.util.Collections.synchronizedList(new ArrayList<>());

  /**
   * Saves {@code model} as {@code fileName} with its inputs, Java's predictions and the training data,
   * in a directory of its own, for the one Python process of {@link #kerasChecksEveryJavaWrittenFile}.
   */
  private static void checkInPython(Model model, String fileName, List<FloatNdArray> x,
      List<Path> xTrain, Path yTrain, String mustPrint) throws Exception {
    Path dir = Files.createDirectories(shared.resolve("job" + JOBS.size()));
    Path saved = dir.resolve(fileName);
    KerasFiles.save(model, saved);
    List<String> xFiles = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      Path xFile = dir.resolve("x_" + i + ".npy");
      writeNpy(xFile, x.get(i));
      xFiles.add(xFile.toString());
    }
    Path yFile = dir.resolve("y.npy");
    writeNpy(yFile, model.predict(x, 32));
    List<String> train = new ArrayList<>();
    for (Path p : xTrain) {
      train.add(Files.copy(p, dir.resolve("train_" + p.getFileName())).toString());
    }
    JOBS.add(new Job(List.of(saved.toString(), String.join(",", xFiles), yFile.toString(),
        String.join(",", train), Files.copy(yTrain, dir.resolve("train_y.npy")).toString(),
        "--expect-iterations", Long.toString(model.graph().iterations())), mustPrint));
  }

  /**
   * Keras loads every file the tests above wrote, predicts as Java did within 1e-6, restores the
   * iteration count and trains further: one Python process for all of them.
   */
  @Test
  @Order(2)
  void kerasChecksEveryJavaWrittenFile() throws Exception {
    Assumptions.assumeFalse(JOBS.isEmpty(), "no Java-written files (the writing tests did not run)");
    Path jobs = shared.resolve("jobs.json");
    Files.writeString(jobs, new ObjectMapper().writeValueAsString(
        JOBS.stream().map(Job::args).toList()));
    List<String> command = List.of(python(), script("check_java_keras.py").toString(), "--jobs",
        jobs.toString());
    String out = runAllowingFailure(command);
    List<String> problems = new ArrayList<>();
    for (Job job : JOBS) {
      String section = section(out, job.args().get(0));
      if (!section.contains("ok: predict") || !section.contains("ok: fit") || section.contains("FAIL")
          || (job.mustPrint() != null && !section.contains(job.mustPrint()))) {
        problems.add(job.args().get(0) + ":\n" + section);
      }
    }
    assertTrue(problems.isEmpty(), "Keras could not check Java-written files:\n"
        + String.join("\n", problems) + "\n--- whole output ---\n" + out);
  }

  /** Runs {@code command}, returning what it printed whatever its exit code. */
  private static String runAllowingFailure(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  /** The lines the batch printed for {@code file}: from its "== file" line to the next one. */
  private static String section(String out, String file) {
    int start = out.indexOf("== " + file + "\n");
    if (start < 0) {
      return "(no output for this file)";
    }
    int end = out.indexOf("\n== ", start + 1);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  /**
   * CI regenerates every golden case with the pinned Keras, the lesson's full CNN included (225,034
   * parameters, ~2.7 MB per file, too large to commit), and Java loads each: Keras's predictions within
   * 1e-5, and one more epoch lands where Keras's does (the optimizer state restored).
   */
  @Test
  void freshlyMadeKerasFilesLoadInJava() throws Exception {
    String python = python();
    Path dir = tmp.resolve("made");
    run(List.of(python, script("make_keras_files.py").toString(), "--large", "--out", dir.toString()));
    List<String> cases = new java.util.ArrayList<>(KerasTestData.CASES);
    cases.add("cnn");
    for (String testCase : cases) {
      for (String name : KerasTestData.FILES) {
        checkFreshFile(dir.resolve(testCase), name, !testCase.equals("mlp_dropout"));
      }
    }
    assertThrows(KerasFileException.class,
        () -> KerasFiles.load(dir.resolve("lstm_dropout/model.keras")));
  }

  private static void checkFreshFile(Path dir, String name, boolean deterministic) {
    try (Model model = KerasFiles.load(dir.resolve(name))) {
      List<FloatNdArray> x = inputs(dir, "x", model);
      double diff = maxDiff(npy(dir.resolve("y.npy")), model.predict(x, 32));
      assertTrue(diff <= 1e-5, dir + "/" + name + ": predict max |diff| " + diff);
      model.fit(inputs(dir, "x_train", model), npy(dir.resolve("y_train.npy")),
          FitOptions.epochs(1).batchSize(8).shuffle(false).verbose(0));
      diff = maxDiff(npy(dir.resolve("y_resumed.npy")), model.predict(x, 32));
      assertTrue(!deterministic || diff <= 1e-5, dir + "/" + name + ": resumed max |diff| " + diff);
    }
  }
}
