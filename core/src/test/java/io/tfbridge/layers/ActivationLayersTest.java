package io.tfbridge.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.initializers.Constant;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** ReLU, LeakyReLU, ELU, PReLU, Softmax and Rescaling: formulas, options, configs and errors. */
class ActivationLayersTest {
  private static final float[] X = {-3f, -1f, -0.2f, 0.1f, 0.5f, 2f, 8f};

  @Test
  void reluOptionsFollowKerasFormula() {
    // max_value for x >= max_value, x for threshold <= x < max_value, slope * (x - threshold) below
    ReLU relu = ReLU.of().maxValue(1.5).negativeSlope(0.1).threshold(0.3);
    float[] y = predict(relu, X);
    for (int i = 0; i < X.length; i++) {
      double x = X[i];
      double expected = x >= 1.5 ? 1.5 : x >= 0.3 ? x : 0.1 * (x - 0.3);
      assertEquals(expected, y[i], 1e-6, "relu(" + x + ")");
    }
    assertArrayEquals(new float[] {0, 0, 0, 0.1f, 0.5f, 2f, 6f}, predict(ReLU.of().maxValue(6), X),
        1e-6f);
    assertArrayEquals(new float[] {-0.75f, -0.25f, -0.05f, 0.1f, 0.5f, 2f, 8f},
        predict(ReLU.of().negativeSlope(0.25), X), 1e-6f);
  }

  @Test
  void leakyReluDefaultsToKerasLayerSlopeAndReadsKeras2Alpha() {
    assertEquals(0.3, LeakyReLU.of().negativeSlope());
    assertArrayEquals(new float[] {-0.9f, -0.3f, -0.06f, 0.1f, 0.5f, 2f, 8f}, predict(LeakyReLU.of(), X),
        1e-6f);
    LeakyReLU keras2 = (LeakyReLU) read("LeakyReLU", Config.builder().put("alpha", 0.1).build());
    assertEquals(0.1, keras2.negativeSlope());
    assertEquals(Config.builder().put("negative_slope", 0.1).build(), keras2.getConfig());
  }

  @Test
  void eluScalesOnlyTheNegativePart() {
    float[] y = predict(ELU.of().alpha(0.5), X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(X[i] > 0 ? X[i] : 0.5 * Math.expm1(X[i]), y[i], 1e-6);
    }
  }

  @Test
  void preluAlphaHasTheFeatureShapeOnesAlongSharedAxes() {
    assertEquals(List.of(new WeightSpec("alpha", Shape.of(1, 1, 3), PReLU.of().alphaInitializer(), true)),
        PReLU.of().sharedAxes(1, 2).weights(Shape.of(-1, 4, 5, 3)));
    assertEquals(Shape.of(4, 5, 3), PReLU.of().weights(Shape.of(-1, 4, 5, 3)).get(0).shape());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> PReLU.of().outputShape("p", Shape.of(-1, -1, 3)));
    assertTrue(unknown.getMessage().contains("Input 0 of layer \"p\""), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PReLU.of().sharedAxes(0));
    float[] y = predict(PReLU.of().alphaInitializer(Constant.of(0.25)), X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(X[i] >= 0 ? X[i] : 0.25 * X[i], y[i], 1e-6);
    }
  }

  @Test
  void softmaxOverOneOrSeveralAxes() {
    Sequential spec = Sequential.of(Input.of(2, 3), Softmax.of().axis(1));
    float[] x = {1, 2, 3, -1, 0.5f, 4};
    float[] y = predictFlat(spec, x, 1, 2, 3);
    for (int c = 0; c < 3; c++) {
      assertEquals(1.0, y[c] + y[3 + c], 1e-6, "column " + c + " sums to 1");
      assertEquals(Math.exp(x[c]) / (Math.exp(x[c]) + Math.exp(x[3 + c])), y[c], 1e-6);
    }
    float[] all = predictFlat(Sequential.of(Input.of(2, 3), Softmax.of().axis(1, 2)), x, 1, 2, 3);
    double sum = 0;
    for (float v : all) {
      sum += v;
    }
    assertEquals(1.0, sum, 1e-6);
    assertEquals(List.of(1, 2), Softmax.of().axis(1, 2).getConfig().get("axis"));
    assertEquals(-1, Softmax.of().getConfig().get("axis"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Softmax.of().axis(3).outputShape("s", Shape.of(-1, 2, 3)));
    assertTrue(e.getMessage().contains("Axis 3 is out of bounds for input shape (None, 2, 3)"),
        e.getMessage());
  }

  /**
   * A final Softmax layer hands its input to the loss as logits, as Keras: with logits 0 and 40 the
   * crossentropy of the first class is 40, where probabilities clipped at 1e-7 would give 16.1.
   */
  @Test
  void finalSoftmaxLayerGivesTheLossItsLogits() {
    Sequential spec = Sequential.of(Input.of(2), Softmax.of());
    try (Model model = spec.compile("sgd", "sparse_categorical_crossentropy")) {
      var logs = model.evaluate(HostArrays.of(new float[][] {{0, 40}}), HostArrays.of(new int[] {0}), 1);
      assertEquals(40.0, logs.get("loss"), 1e-3);
    }
  }

  @Test
  void rescalingBroadcastsScaleAndOffsetPerChannel() {
    Rescaling r = Rescaling.of(new double[] {1, 2, 3}).offset(0.5);
    float[] y = predictFlat(Sequential.of(Input.of(2, 3), r), new float[] {1, 1, 1, 2, 2, 2}, 1, 2, 3);
    assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 2.5f, 4.5f, 6.5f}, y, 1e-6f);
    assertEquals(List.of(1.0, 2.0, 3.0), r.getConfig().get("scale"));
    assertEquals(0.5, r.getConfig().get("offset"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.outputShape("rescale", Shape.of(-1, 4)));
    assertTrue(e.getMessage().contains("scale of shape (3,)"), e.getMessage());
  }

  @Test
  void rescalingReadsKerasNumpyArrays() {
    Config numpy = Config.builder().put("value", List.of(0.5, 2.0)).put("dtype", "float32").build();
    Config config = Config.builder()
        .put("scale", io.tfbridge.saving.KerasObject.of(null, "__numpy__", numpy)).put("offset", 0.0)
        .build();
    Rescaling r = (Rescaling) read("Rescaling", config);
    assertEquals(List.of(0.5, 2.0), r.scale());
  }

  @Test
  void badOptionsFailAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> ReLU.of().maxValue(-1));
    assertThrows(IllegalArgumentException.class, () -> ReLU.of().threshold(-0.5));
    assertThrows(IllegalArgumentException.class, () -> LeakyReLU.of().negativeSlope(-0.1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("ReLU", Config.builder().put("negative_slope", "x").build()));
    assertTrue(e.getMessage().startsWith("layer 'x' (ReLU): option negative_slope must be a number"),
        e.getMessage());
  }

  @Test
  void configsReadBackToTheSameConfig() {
    List<Layer<?>> layers = List.of(ReLU.of().maxValue(6).threshold(0.5), LeakyReLU.of(),
        ELU.of().alpha(0.3), PReLU.of().sharedAxes(1), Softmax.of().axis(-2, -1),
        Rescaling.of(0.5).offset(new double[] {1, 2}));
    for (Layer<?> layer : layers) {
      assertEquals(layer.getConfig(), read(layer.className(), layer.getConfig()).getConfig(),
          layer.className());
    }
  }

  static Layer<?> read(String className, Config config) {
    return KerasLayers.deserialize(className, config, "x");
  }

  private static float[] predict(Layer<?> layer, float[] x) {
    return predictFlat(Sequential.of(Input.of(x.length), layer), x, 1, x.length);
  }

  static float[] predictFlat(Sequential spec, float[] x, long... shape) {
    try (Model model = spec.seed(1).compile("sgd", "mean_squared_error")) {
      return HostArrays.toFlat(model.predict(HostArrays.of(x, shape)));
    }
  }
}
