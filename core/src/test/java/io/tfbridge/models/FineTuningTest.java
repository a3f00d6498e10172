package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tfbridge.layers.BatchNormalization;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.losses.Losses;
import io.tfbridge.optimizers.SGD;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fine-tuning as Keras does it: frozen layers (by name, by prefix, a whole nested backbone) keep their
 * weights and BatchNormalization statistics through training while the rest trains; weights move
 * between models by layer and by layer name.
 */
class FineTuningTest {
  private static final float[][] X = rows(16, 5, 1);
  private static final float[][] Y = rows(16, 2, 2);

  private static float[][] rows(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] out = new float[n][d];
    for (float[] row : out) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) r.nextDouble(-1, 1);
      }
    }
    return out;
  }

  private static Sequential mlp() {
    return Sequential.of(Input.of(5), Dense.of(4).activation("relu").name("block1_dense"),
        BatchNormalization.of().name("block1_bn"), Dense.of(3).name("block2_dense"),
        Dense.of(2).name("head")).seed(3);
  }

  private static Model compile(ModelSpec spec) {
    return spec.compile(SGD.of().learningRate(0.1), Losses.get("mean_squared_error"));
  }

  private static void train(Model model) {
    model.fit(X, Y, FitOptions.epochs(2).batchSize(4).verbose(0));
  }

  @Test
  void frozenLayersKeepTheirWeightsAndStatistics() {
    try (Model model = compile(mlp().freeze("block1_*"))) {
      List<float[]> block1 = model.getLayer("block1_dense").getWeights();
      List<float[]> bn = model.getLayer("block1_bn").getWeights();
      List<float[]> head = model.getLayer("head").getWeights();
      train(model);
      assertSame(block1, model.getLayer("block1_dense").getWeights(), "block1_dense");
      assertSame(bn, model.getLayer("block1_bn").getWeights(), "block1_bn (moving statistics too)");
      assertFalse(Arrays.equals(head.get(0), model.getLayer("head").getWeights().get(0)), "head trains");
      assertFalse(model.getLayer("block1_bn").trainable());
      assertEquals((4 * 3 + 3) + (3 * 2 + 2), trainableCount(model)); // block2_dense and head
    }
  }

  @Test
  void unfreezeUndoesAFreeze() {
    try (Model model = compile(mlp().freeze("block1_*").unfreeze("block1_dense"))) {
      List<float[]> before = model.getLayer("block1_dense").getWeights();
      train(model);
      assertFalse(Arrays.equals(before.get(0), model.getLayer("block1_dense").getWeights().get(0)));
    }
  }

  @Test
  void aFrozenNestedBackboneKeepsEveryInnerWeight() {
    KerasTensor in = Input.of(5).tensor();
    NestedModel backbone = NestedModel.of(mlp().name("backbone")).trainable(false);
    KerasTensor out = Dense.of(2).name("new_head").apply(backbone.apply(in));
    try (Model pretrained = compile(mlp().name("backbone"));
        Model model = compile(Functional.of(in, out).seed(5))) {
      train(pretrained);
      model.getLayer("backbone").setWeights(pretrained.getWeights());
      List<float[]> before = model.getLayer("backbone").getWeights();
      assertSame(pretrained.getWeights(), before, "weights moved into the nested layer");
      train(model);
      assertSame(before, model.getLayer("backbone").getWeights(), "backbone");
      float[] pretrainedOut = pretrained.predict(X)[0];
      assertTrue(pretrainedOut.length == 2);
    }
  }

  @Test
  void copyWeightsByNameMovesTheLayersBothModelsHave() {
    try (Model a = compile(mlp()); Model b = compile(mlp().seed(99))) {
      train(a);
      assertEquals(List.of("block1_dense", "block1_bn", "block2_dense", "head"), b.copyWeightsByName(a));
      assertSame(a.getWeights(), b.getWeights(), "all weights");
      assertArrayEquals(a.predict(X)[3], b.predict(X)[3], 0f);
    }
  }

  @Test
  void badNamesAreClearErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mlp().freeze("block3_*"));
    assertTrue(e.getMessage().contains("No layer of model \"sequential\" matches 'block3_*'"),
        e.getMessage());
    try (Model model = compile(mlp())) {
      e = assertThrows(IllegalArgumentException.class, () -> model.getLayer("nope"));
      assertTrue(e.getMessage().startsWith("No such layer: nope. Existing layers are: [block1_dense"),
          e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> model.getLayer("head").setWeights(List.of(new float[3])));
      assertTrue(e.getMessage().contains("Layer 'head' has 2 weights"), e.getMessage());
    }
  }

  private static long trainableCount(Model model) {
    return model.layers().stream().mapToLong(n -> n.trainableParameterCount()).sum();
  }

  private static void assertSame(List<float[]> expected, List<float[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), 0f, what + " weight " + i);
    }
  }
}
