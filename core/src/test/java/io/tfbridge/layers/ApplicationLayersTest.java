package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.roundTrip;
import static io.tfbridge.layers.LayerRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

/** The custom layers of keras.applications: ConvNeXt's LayerScale, InceptionResNetV2's CustomScaleLayer. */
class ApplicationLayersTest {
  private static final float[] X = {1, -2, 3, 0.5f, 4, -1};

  @Test
  void layerScaleHasOneGammaPerChannelStartingAtInitValues() {
    LayerScale scale = LayerScale.of(0.25, 3);
    List<WeightSpec> w = scale.weights(Shape.of(-1, 2, 3));
    assertEquals(1, w.size());
    assertEquals("gamma", w.get(0).name());
    assertEquals(Shape.of(3), w.get(0).shape());
    assertTrue(w.get(0).trainable());
    try (Model model = Sequential.of(Input.of(2, 3), scale).compile("sgd", "mean_squared_error")) {
      float[] y = HostArrays.toFlat(model.predict(HostArrays.of(X, 1, 2, 3)));
      for (int i = 0; i < X.length; i++) {
        assertEquals(0.25f * X[i], y[i], 1e-7f);
      }
    }
  }

  @Test
  void layerScaleMultipliesTheLastAxisAndLearnsGamma() {
    float[] gamma = {2, -1, 0.5f};
    float[] target = {0, 0, 0, 1, 1, 1};
    try (Model model = Sequential.of(Input.of(2, 3), LayerScale.of(1e-6, 3))
        .compile("sgd", "mean_squared_error")) {
      model.setWeights(List.of(gamma.clone()));
      float[] y = HostArrays.toFlat(model.predict(HostArrays.of(X, 1, 2, 3)));
      for (int i = 0; i < X.length; i++) {
        assertEquals(X[i] * gamma[i % 3], y[i], 1e-6f);
      }
      model.fit(HostArrays.of(X, 1, 2, 3), HostArrays.of(target, 1, 2, 3),
          FitOptions.epochs(1).batchSize(1).verbose(0));
      float[] trained = model.getWeights().get(0);
      for (int c = 0; c < 3; c++) {
        // d/dgamma_c of mean((x * gamma - t)^2) over the 6 values; SGD's default learning rate 0.01
        double grad = 0;
        for (int i = c; i < X.length; i += 3) {
          grad += 2 * (X[i] * gamma[c] - target[i]) * X[i] / X.length;
        }
        assertEquals(gamma[c] - 0.01 * grad, trained[c], 1e-5, "gamma " + c);
      }
    }
  }

  @Test
  void layerScaleConfigAsKeras() {
    LayerScale scale = LayerScale.of(1e-6, 96);
    Config config = scale.getConfig();
    assertEquals(List.of("init_values", "projection_dim"), List.copyOf(config.keys()));
    LayerScale back = (LayerScale) roundTrip(scale);
    assertEquals(1e-6, back.initValues());
    assertEquals(96, back.projectionDim());
    assertEquals("keras.src.applications.convnext", scale.module());
    assertEquals("LayerScale", scale.registeredName());
    assertEquals("layer_scale", scale.namePrefix());
    assertTrue(scale.hasBuildConfig());
  }

  @Test
  void layerScaleRefusesAnotherChannelCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerScale.of(1e-6, 4).outputShape("ls", Shape.of(-1, 8, 8, 3)));
    assertTrue(e.getMessage().contains("\"ls\"") && e.getMessage().contains("a last axis of 4")
        && e.getMessage().contains("(None, 8, 8, 3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerScale.of(1e-6, 0));
    assertTrue(e.getMessage().contains("projection_dim must be positive, found 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> KerasLayers.deserialize("LayerScale",
        Config.builder().put("init_values", 1e-6).build(), "ls"));
    assertTrue(e.getMessage().contains("projection_dim"), e.getMessage());
  }

  @Test
  void customScaleLayerAddsTheScaledResidual() {
    FloatNdArray shortcut = HostArrays.of(X, 2, 3);
    FloatNdArray residual = HostArrays.of(new float[] {10, 20, 30, -10, 0, 5}, 2, 3);
    float[] y = HostArrays.toFlat(run(CustomScaleLayer.of(0.17), false, 0, shortcut, residual));
    float[] r = HostArrays.toFlat(residual);
    for (int i = 0; i < X.length; i++) {
      assertEquals(X[i] + 0.17f * r[i], y[i], 1e-6f);
    }
  }

  @Test
  void customScaleLayerInAFunctionalModel() {
    KerasTensor a = Input.of(3).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor out = CustomScaleLayer.of(0.5).apply(a, b);
    try (Model model = Functional.of(List.of(a, b), out).compile("sgd", "mean_squared_error")) {
      FloatNdArray y = model.predict(List.of(HostArrays.of(new float[] {1, 2, 3}, 1, 3),
          HostArrays.of(new float[] {4, -2, 0}, 1, 3)), 1);
      assertArrayEquals(new float[] {3, 1, 3}, HostArrays.toFlat(y), 1e-6f);
      assertTrue(model.getWeights().isEmpty());
    }
  }

  @Test
  void customScaleLayerShapesConfigAndErrors() {
    CustomScaleLayer layer = CustomScaleLayer.of(0.1);
    assertArrayEquals(new long[] {-1, 7, 7, 320}, layer.outputShape("c",
        List.of(Shape.of(-1, 7, 7, 320), Shape.of(-1, 7, 7, 320))).asArray());
    assertArrayEquals(new long[] {-1, 4, 3}, layer.outputShape("c",
        List.of(Shape.of(-1, 4, 3), Shape.of(-1, 1, 3))).asArray());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> layer.outputShape("c", List.of(Shape.of(-1, 3))));
    assertTrue(e.getMessage().contains("a list of 2 inputs") && e.getMessage().contains("[(None, 3)]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> layer.outputShape("c", List.of(Shape.of(-1, 3), Shape.of(-1, 4))));
    assertTrue(e.getMessage().contains("(None, 3) and (None, 4)"), e.getMessage());
    assertEquals(List.of("scale"), List.copyOf(layer.getConfig().keys()));
    assertEquals(0.1, ((CustomScaleLayer) roundTrip(layer)).scale());
    assertEquals("keras.src.applications.inception_resnet_v2", layer.module());
    assertEquals("CustomScaleLayer", layer.registeredName());
    assertTrue(layer.takesList());
  }
}
