package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.callbacks.History;
import io.tfbridge.layers.Dense;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void trainsSeparableData() {
    SplittableRandom r = new SplittableRandom(1);
    float[][] x = new float[200][4];
    int[] y = new int[200];
    for (int i = 0; i < 200; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) (r.nextGaussian() * 0.3 + (j == y[i] ? 1 : 0));
      }
    }
    Sequential spec = Sequential.of(
        Dense.of(10).activation("relu").inputShape(4),
        Dense.of(10).activation("relu"),
        Dense.of(3).activation("softmax")).seed(42);
    System.out.println(spec.summary());
    try (Model model = spec.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      History h = model.fit(x, y, FitOptions.epochs(20).batchSize(10).validationSplit(0.2));
      assertTrue(h.get("loss").get(19) < h.get("loss").get(0));
      System.out.println(model.evaluate(x, y));
    }
  }
}
