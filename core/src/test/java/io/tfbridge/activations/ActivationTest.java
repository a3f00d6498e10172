package io.tfbridge.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.Rescaling;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each activation's graph against its formula computed in double on the host, at points on every
 * piece of the piecewise ones (not at their kinks), and the lookup by Keras names and aliases.
 */
class ActivationTest {
  private static final float[] X = {-4f, -2.5f, -1.2f, -0.8f, -0.3f, 0.2f, 0.6f, 0.9f, 1.7f, 3.5f, 7f};

  static Stream<Arguments> elementwise() {
    Map<Activation, DoubleUnaryOperator> f = new java.util.LinkedHashMap<>();
    f.put(Activation.RELU, x -> Math.max(x, 0));
    f.put(Activation.RELU6, x -> Math.min(Math.max(x, 0), 6));
    f.put(Activation.LEAKY_RELU, x -> x >= 0 ? x : 0.2 * x);
    f.put(Activation.ELU, x -> x > 0 ? x : Math.expm1(x));
    f.put(Activation.SELU, x -> 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * Math.expm1(x)));
    f.put(Activation.CELU, x -> Math.max(x, 0) + Math.expm1(Math.min(x, 0)));
    f.put(Activation.SOFTPLUS, x -> Math.log1p(Math.exp(x)));
    f.put(Activation.SOFTSIGN, x -> x / (Math.abs(x) + 1));
    f.put(Activation.SILU, x -> x * sigmoid(x));
    f.put(Activation.GELU, x -> 0.5 * x * (1 + erf(x / Math.sqrt(2))));
    f.put(Activation.HARD_SIGMOID, x -> Math.min(Math.max(x + 3, 0), 6) / 6);
    f.put(Activation.HARD_SILU, x -> x * Math.min(Math.max(x + 3, 0), 6) / 6);
    f.put(Activation.HARD_TANH, x -> Math.max(-1, Math.min(1, x)));
    f.put(Activation.EXPONENTIAL, Math::exp);
    f.put(Activation.MISH, x -> x * Math.tanh(Math.log1p(Math.exp(x))));
    f.put(Activation.LOG_SIGMOID, x -> Math.log(sigmoid(x)));
    f.put(Activation.TANH_SHRINK, x -> x - Math.tanh(x));
    f.put(Activation.SQUAREPLUS, x -> (x + Math.sqrt(x * x + 4)) / 2);
    f.put(Activation.SPARSE_PLUS, x -> x <= -1 ? 0 : x < 1 ? (x + 1) * (x + 1) / 4 : x);
    f.put(Activation.SPARSE_SIGMOID, x -> x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2);
    f.put(Activation.SOFT_SHRINK, x -> x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0);
    f.put(Activation.HARD_SHRINK, x -> Math.abs(x) > 0.5 ? x : 0);
    f.put(Activation.SIGMOID, ActivationTest::sigmoid);
    f.put(Activation.TANH, Math::tanh);
    f.put(Activation.LINEAR, x -> x);
    return f.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void computesItsFormula(Activation activation, DoubleUnaryOperator formula) {
    float[] y = predict(activation, X);
    for (int i = 0; i < X.length; i++) {
      double expected = formula.applyAsDouble(X[i]);
      assertEquals(expected, y[i], 2e-6 * Math.max(1, Math.abs(expected)),
          activation.kerasName() + "(" + X[i] + ")");
    }
  }

  @Test
  void everyActivationHasAFormulaTested() {
    long tested = elementwise().count();
    // softmax and log_softmax work on rows: checked below
    assertEquals(Activation.values().length, tested + 2);
  }

  @Test
  void softmaxAndLogSoftmaxNormaliseTheLastAxis() {
    float[] x = {0.5f, -1f, 2f};
    double sum = 0;
    for (float v : x) {
      sum += Math.exp(v);
    }
    float[] softmax = predict(Activation.SOFTMAX, x);
    float[] logSoftmax = predict(Activation.LOG_SOFTMAX, x);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.exp(x[i]) / sum, softmax[i], 1e-6);
      assertEquals(x[i] - Math.log(sum), logSoftmax[i], 1e-6);
    }
  }

  @Test
  void namesAndAliasesAsKeras() {
    assertSame(Activation.SILU, Activation.get("swish"));
    assertSame(Activation.SILU, Activation.get("silu"));
    assertEquals("silu", Activation.get("swish").kerasName());
    assertSame(Activation.HARD_SILU, Activation.get("hard_swish"));
    assertEquals("hard_silu", Activation.HARD_SILU.kerasName());
    assertSame(Activation.GELU, Activation.get("GELU"));
    assertSame(Activation.LINEAR, Activation.get(null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Activation.get("sparsemax"));
    assertTrue(e.getMessage().startsWith("Unknown activation: 'sparsemax'. Known activations: relu,"),
        e.getMessage());
    assertTrue(e.getMessage().contains("gelu") && e.getMessage().contains("swish"), e.getMessage());
  }

  @Test
  void registeredFunctionsAsPythonCustomObjects() {
    Activation gelu = Activation.register("test_pkg>gelu_tanh", Activation.Formula.GELU_APPROXIMATE);
    assertSame(gelu, Activation.get("test_pkg>gelu_tanh"));
    assertEquals("test_pkg>gelu_tanh", gelu.kerasName());
    assertTrue(Activation.knownNames().endsWith("test_pkg>gelu_tanh"), Activation.knownNames());
    float[] y = predict(gelu, X);
    for (int i = 0; i < X.length; i++) {
      double x = X[i];
      double expected = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
      assertEquals(expected, y[i], 2e-6 * Math.max(1, Math.abs(expected)), "gelu_tanh(" + x + ")");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Activation.register("swish", (tf, x) -> x));
    assertTrue(e.getMessage().contains("not one of Keras's own"), e.getMessage());
    assertSame(Activation.SILU, Activation.get("swish"));
  }

  /** The activation of x; an exact Rescaling first: a graph may not fetch its own input (linear). */
  private static float[] predict(Activation activation, float[] x) {
    Sequential spec = Sequential.of(Input.of(x.length), Rescaling.of(1.0),
        io.tfbridge.layers.Activation.of(activation));
    try (Model model = spec.compile("sgd", "mean_squared_error")) {
      return HostArrays.toFlat(model.predict(HostArrays.of(new float[][] {x})));
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** erf by its Maclaurin series up to |x| = 4 (1 - erf(4) is 1.5e-8), 60 terms; +-1 beyond. */
  private static double erf(double x) {
    if (Math.abs(x) > 4) {
      return Math.signum(x);
    }
    double sum = 0;
    double term = x;
    for (int n = 0; n < 60; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
}
