package io.tfbridge.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

/**
 * MultiHeadAttention in the DSL: weights as Keras lays them out, masks that hide keys (a changed
 * hidden key changes nothing), the causal mask, configs, and the call forms tfbridge refuses.
 */
class MultiHeadAttentionTest {
  private static final float[] Q = {0.1f, -0.4f, 0.3f, 0.7f, 0.2f, -0.5f, 0.9f, 0.0f, -0.3f};
  private static final float[] V = {1, 2, -1, 0.5f, 0, 3, -2, 1, 0.25f, 4, 1, -1};

  /** Query (1, 3, 3), value (1, 4, 3), attention mask (1, 3, 4): the attention output, flat. */
  private static float[] attend(MultiHeadAttention mha, float[] v, float[] mask) {
    KerasTensor q = Input.of(3, 3).name("q").tensor();
    KerasTensor value = Input.of(4, 3).name("v").tensor();
    KerasTensor m = Input.of(3, 4).name("m").tensor();
    KerasTensor out = mha.apply(List.of(q, value), Map.of("attention_mask", m));
    try (Model model = Functional.of(List.of(q, value, m), out).seed(5).compile("sgd", "mse")) {
      List<FloatNdArray> xs = List.of(HostArrays.of(Q, 1, 3, 3), HostArrays.of(v, 1, 4, 3),
          HostArrays.of(mask, 1, 3, 4));
      return HostArrays.toFlat(model.predict(xs, 1));
    }
  }

  @Test
  void maskedKeysDoNotMatter() {
    MultiHeadAttention mha = MultiHeadAttention.of(2, 2).valueDim(3);
    float[] all = new float[12];
    Arrays.fill(all, 1);
    float[] hideLast = all.clone();
    for (int t = 0; t < 3; t++) {
      hideLast[t * 4 + 3] = 0;
    }
    float[] changed = V.clone();
    changed[9] = -7;
    changed[11] = 5;
    assertArrayEquals(attend(mha, V, hideLast), attend(mha, changed, hideLast), 1e-6f);
    assertFalse(Arrays.equals(attend(mha, V, all), attend(mha, changed, all)));
  }

  @Test
  void causalStepsSeeOnlyThePast() {
    KerasTensor x = Input.of(4, 2).name("x").tensor();
    KerasTensor out = MultiHeadAttention.of(1, 2).apply(List.of(x, x), Map.of("use_causal_mask", true));
    try (Model model = Functional.of(x, out).seed(7).compile("sgd", "mse")) {
      float[] a = {1, 2, 3, 4, 5, 6, 7, 8};
      float[] b = {1, 2, 3, 4, 5, 6, -7, 9};
      float[] ya = HostArrays.toFlat(model.predict(HostArrays.of(a, 1, 4, 2)));
      float[] yb = HostArrays.toFlat(model.predict(HostArrays.of(b, 1, 4, 2)));
      assertArrayEquals(Arrays.copyOf(ya, 6), Arrays.copyOf(yb, 6), 1e-6f);
      assertFalse(Arrays.equals(Arrays.copyOfRange(ya, 6, 8), Arrays.copyOfRange(yb, 6, 8)));
    }
  }

  @Test
  void weightsAsKerasLaysThemOut() {
    MultiHeadAttention mha = MultiHeadAttention.of(3, 2).valueDim(4).outputShape(7);
    List<Shape> in = List.of(Shape.of(-1, 4, 5), Shape.of(-1, 6, 3), Shape.of(-1, 6, 2));
    List<WeightSpec> w = mha.weights(in);
    assertEquals(List.of("query/kernel", "query/bias", "key/kernel", "key/bias", "value/kernel",
        "value/bias", "attention_output/kernel", "attention_output/bias"),
        w.stream().map(WeightSpec::name).toList());
    assertEquals(List.of("query_dense", "query_dense", "key_dense", "key_dense", "value_dense",
        "value_dense", "output_dense", "output_dense"), w.stream().map(WeightSpec::group).toList());
    assertArrayEquals(new long[] {5, 3, 2}, w.get(0).shape().asArray());
    assertArrayEquals(new long[] {2, 3, 2}, w.get(2).shape().asArray());
    assertArrayEquals(new long[] {3, 3, 4}, w.get(4).shape().asArray());
    assertArrayEquals(new long[] {3, 4, 7}, w.get(6).shape().asArray());
    assertArrayEquals(new long[] {-1, 4, 7}, mha.outputShape("mha", in).asArray());
    assertEquals(6, mha.useBias(false).weights(in).size() + 2);
  }

  @Test
  void refusesWhatItCannotDo() {
    MultiHeadAttention mha = MultiHeadAttention.of(2, 4);
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> mha.outputShape("mha", List.of(Shape.of(-1, 3, 4))));
    assertTrue(one.getMessage().contains("expects query and value"), one.getMessage());
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> mha.outputShape("mha", List.of(Shape.of(-1, 3, 4), Shape.of(-1, 5, 4),
            Shape.of(-1, 6, 4))));
    assertTrue(lengths.getMessage().contains("must be equal"), lengths.getMessage());
    KerasTensor x = Input.of(3, 4).tensor();
    IllegalArgumentException keywords = assertThrows(IllegalArgumentException.class,
        () -> mha.apply(List.of(), Map.of("query", x, "value", x)));
    assertTrue(keywords.getMessage().contains("no input tensors"), keywords.getMessage());
    IllegalArgumentException scores = assertThrows(IllegalArgumentException.class,
        () -> mha.apply(List.of(x, x), Map.of("return_attention_scores", true)));
    assertTrue(scores.getMessage().contains("return_attention_scores"), scores.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MultiHeadAttention.of(0, 4));
    assertThrows(IllegalArgumentException.class, () -> mha.dropout(1.0));
    Config axes = mha.getConfig().toBuilder().put("attention_axes", List.of(2)).build();
    IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("MultiHeadAttention", axes, "mha"));
    assertTrue(unsupported.getMessage().contains("attention_axes=[2]"), unsupported.getMessage());
  }

  @Test
  void configReadsBack() {
    MultiHeadAttention mha = MultiHeadAttention.of(4, 3).valueDim(5).dropout(0.25).useBias(false)
        .outputShape(9);
    MultiHeadAttention read = (MultiHeadAttention) KerasLayers.deserialize("MultiHeadAttention",
        Wrapped.serialize(mha, "mha").options(), "mha");
    assertEquals(mha.getConfig(), read.getConfig());
    assertEquals(5, read.valueDim());
    assertEquals(3, MultiHeadAttention.of(2, 3).valueDim());
  }
}
