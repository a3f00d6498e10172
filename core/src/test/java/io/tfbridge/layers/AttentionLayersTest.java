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
 * MultiHeadAttention, Attention and AdditiveAttention in the DSL: weights as Keras lays them out, masks that hide keys (a changed
 * hidden key changes nothing), the causal mask, configs, and the call forms tfbridge refuses.
 */
class AttentionLayersTest {
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
        () -> mha.apply(List.of(x, x), Map.of("key", x)));
    assertTrue(keywords.getMessage().contains("unexpected keyword argument 'key'"),
        keywords.getMessage());
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

  @Test
  void luongAndBahdanauAttention() {
    List<Shape> in = List.of(Shape.of(-1, 3, 4), Shape.of(-1, 5, 2), Shape.of(-1, 5, 4));
    assertArrayEquals(new long[] {-1, 3, 2}, Attention.of().outputShape("a", in).asArray());
    assertEquals(List.of("scale", "concat_score_weight"), Attention.of().useScale(true)
        .scoreMode("concat").weights(in).stream().map(WeightSpec::name).toList());
    assertEquals(0, Attention.of().weights(in).size());
    assertArrayEquals(new long[] {4}, AdditiveAttention.of().weights(in).get(0).shape().asArray());
    assertEquals(0, AdditiveAttention.of().useScale(false).weights(in).size());
    IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
        () -> Attention.of().scoreMode("general"));
    assertTrue(mode.getMessage().contains("score_mode=general"), mode.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> Attention.of().outputShape("a", List.of(Shape.of(-1, 3, 4))));
    assertTrue(one.getMessage().contains("inputs list of length 2 or 3"), one.getMessage());
    Attention a = Attention.of().useScale(true).scoreMode("concat").dropout(0.2);
    assertEquals(a.getConfig(), KerasLayers.deserialize("Attention",
        Wrapped.serialize(a, "a").options(), "a").getConfig());
    AdditiveAttention b = AdditiveAttention.of().useScale(false);
    assertEquals(b.getConfig(), KerasLayers.deserialize("AdditiveAttention",
        Wrapped.serialize(b, "b").options(), "b").getConfig());
  }

  @Test
  void attentionHidesMaskedValueSteps() {
    KerasTensor q = Input.of(3, 3).name("q").tensor();
    KerasTensor v = Input.of(4, 3).name("v").tensor();
    KerasTensor masked = Masking.of(0.0).apply(v);
    try (Model model = Functional.of(List.of(q, v), Attention.of().apply(q, masked)).seed(1)
        .compile("sgd", "mse")) {
      float[] values = V.clone();
      float[] hidden = V.clone();
      Arrays.fill(hidden, 9, 12, 0f); // the last value step is padding
      float[] kept = Arrays.copyOf(V, 9);
      float[] y = HostArrays.toFlat(model.predict(List.of(HostArrays.of(Q, 1, 3, 3),
          HostArrays.of(hidden, 1, 4, 3)), 1));
      float[] expected = referenceDotAttention(Q, kept, 3, 3, 3);
      assertArrayEquals(expected, y, 1e-5f);
      assertFalse(Arrays.equals(y, HostArrays.toFlat(model.predict(List.of(
          HostArrays.of(Q, 1, 3, 3), HostArrays.of(values, 1, 4, 3)), 1))));
    }
  }

  /** softmax(q k^T) v for one batch row, with keys = values. */
  private static float[] referenceDotAttention(float[] q, float[] v, int tq, int tv, int d) {
    float[] out = new float[tq * d];
    for (int i = 0; i < tq; i++) {
      double[] s = new double[tv];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < tv; j++) {
        for (int k = 0; k < d; k++) {
          s[j] += q[i * d + k] * v[j * d + k];
        }
        max = Math.max(max, s[j]);
      }
      double sum = 0;
      for (int j = 0; j < tv; j++) {
        s[j] = Math.exp(s[j] - max);
        sum += s[j];
      }
      for (int j = 0; j < tv; j++) {
        for (int k = 0; k < d; k++) {
          out[i * d + k] += (float) (s[j] / sum * v[j * d + k]);
        }
      }
    }
    return out;
  }
}
