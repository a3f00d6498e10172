package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import io.tfbridge.data.HostArrays;
import io.tfbridge.interop.keras.LayerCases.LayerCase;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Every layer golden case (see {@link LayerCases}), from both of its files ({@code .keras} and legacy
 * {@code .h5}): the model loads, predicts as Keras does, and one SGD step on the whole batch (training
 * mode, mean squared error against a random target) leaves every weight where Keras's step leaves it:
 * the forward pass in training mode and every gradient, within the case's tolerance (1e-5 unless the
 * case says otherwise; relative for values above 1).
 */
class LayerGoldenTest {

  static Stream<Arguments> cases() {
    return LayerCases.all().flatMap(c -> Stream.of(Arguments.of(c, "model.keras"),
        Arguments.of(c, "model.h5")));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("cases")
  void predictsAsKeras(LayerCase c, String file) {
    try (Model model = KerasFiles.load(c.file(file))) {
      List<FloatNdArray> outputs = model.predictOutputs(c.inputs(), c.batch());
      assertEquals(c.outputs(), outputs.size(), c + ": number of outputs");
      for (int j = 0; j < outputs.size(); j++) {
        assertClose(c, "output " + j, c.output("y", j), outputs.get(j));
      }
    }
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("cases")
  void oneTrainingStepEqualsKeras(LayerCase c, String file) {
    org.junit.jupiter.api.Assumptions.assumeTrue(c.train(), "the layer is random in training");
    try (Model model = KerasFiles.load(c.file(file))) {
      List<FloatNdArray> targets = new ArrayList<>();
      for (int j = 0; j < c.outputs(); j++) {
        targets.add(c.output("t", j));
      }
      model.fit(c.inputs(), targets, FitOptions.epochs(1).batchSize(c.batch()).shuffle(false)
          .verbose(0));
      List<float[]> expected = c.weightsAfterStep();
      List<float[]> actual = model.getWeights();
      assertEquals(expected.size(), actual.size(), c + ": number of weights");
      List<String> paths = new ArrayList<>(model.weights().keySet());
      for (int k = 0; k < expected.size(); k++) {
        assertClose(c, "weight " + paths.get(k), expected.get(k), actual.get(k));
      }
    }
  }

  static void assertClose(LayerCase c, String what, FloatNdArray expected, FloatNdArray actual) {
    assertArrayEquals(expected.shape().asArray(), actual.shape().asArray(), c + ": " + what + " shape");
    assertClose(c, what, HostArrays.toFlat(expected), HostArrays.toFlat(actual));
  }

  static void assertClose(LayerCase c, String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, c + ": " + what + " size");
    double tol = c.tolerance();
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs(expected[i] - actual[i]);
      if (!(diff <= tol * Math.max(1.0, Math.abs(expected[i])))) {
        fail(c + ": " + what + "[" + i + "] expected " + expected[i] + " but was " + actual[i]
            + " (|diff| " + diff + " > " + tol + ")");
      }
    }
  }
}
