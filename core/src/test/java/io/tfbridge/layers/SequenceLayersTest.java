package io.tfbridge.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/**
 * Masks, recurrent options and the sequence wrappers in the DSL: Embedding(mask_zero), Masking, masked
 * recurrences against unmasked runs on the kept steps, go_backwards against reversed inputs,
 * Bidirectional and TimeDistributed against the layers they wrap, configs both ways, clear errors.
 */
class SequenceLayersTest {

  /** Predicts {@code x} ({@code (batch, dims...)}, flat) with a Sequential model of these weights. */
  private static float[] predict(List<float[]> weights, float[] x, long[] inputDims, Layer<?>... layers) {
    List<Layer<?>> all = new ArrayList<>();
    all.add(Input.of(inputDims));
    all.addAll(List.of(layers));
    try (Model model = Sequential.of(all.toArray(Layer<?>[]::new)).seed(3).compile("sgd", "mse")) {
      if (weights != null) {
        model.setWeights(weights);
      }
      long batch = x.length / Shape.of(inputDims).size();
      long[] shape = new long[inputDims.length + 1];
      shape[0] = batch;
      System.arraycopy(inputDims, 0, shape, 1, inputDims.length);
      return HostArrays.toFlat(model.predict(HostArrays.of(x, shape)));
    }
  }

  /** The initial weights of a Sequential model of these layers (seed 3). */
  private static List<float[]> weightsOf(long[] inputDims, Layer<?>... layers) {
    List<Layer<?>> all = new ArrayList<>();
    all.add(Input.of(inputDims));
    all.addAll(List.of(layers));
    try (Model model = Sequential.of(all.toArray(Layer<?>[]::new)).seed(3).compile("sgd", "mse")) {
      return model.getWeights();
    }
  }

  @Test
  void maskingZeroesMaskedStepsWhateverTheMaskValue() {
    float[] x = {0.5f, 0.5f, 1f, 0.5f, 2f, 3f};
    float[] y = predict(null, x, new long[] {3, 2}, Masking.of(0.5));
    assertArrayEquals(new float[] {0, 0, 1f, 0.5f, 2f, 3f}, y);
  }

  @Test
  void maskedAverageCountsOnlyKeptIds() {
    Embedding embedding = Embedding.of(4, 2).maskZero(true);
    List<float[]> w = List.of(new float[] {9, 9, 1, 2, 3, 5, -1, 7});
    float[] y = predict(w, new float[] {1, 2, 0, 0, 3, 0, 0, 0}, new long[] {4}, embedding,
        GlobalAveragePooling1D.of());
    assertArrayEquals(new float[] {2, 3.5f, -1, 7}, y, 1e-6f);
    float[] plain = predict(w, new float[] {1, 2, 0, 0}, new long[] {4},
        Embedding.of(4, 2), GlobalAveragePooling1D.of());
    assertArrayEquals(new float[] {(9 + 9 + 1 + 3) / 4f, (9 + 9 + 2 + 5) / 4f}, plain, 1e-6f);
  }

  @Test
  void maskedStepsAreSkippedByEveryRecurrentLayer() {
    for (RecurrentLayer<?> rnn : List.<RecurrentLayer<?>>of(SimpleRNN.of(3), LSTM.of(3), GRU.of(3),
        GRU.of(3).resetAfter(false))) {
      Embedding e = Embedding.of(6, 2).maskZero(true);
      List<float[]> w = weightsOf(new long[] {5}, e, rnn);
      float[] kept = predict(w, new float[] {4, 2, 5}, new long[] {3}, e, rnn);
      float[] padded = predict(w, new float[] {4, 2, 5, 0, 0}, new long[] {5}, e, rnn);
      float[] holes = predict(w, new float[] {0, 4, 0, 2, 5}, new long[] {5}, e, rnn);
      assertArrayEquals(kept, padded, 1e-6f, rnn.className());
      assertArrayEquals(kept, holes, 1e-6f, rnn.className());
      float[] unmasked = predict(w, new float[] {4, 2, 5, 0, 0}, new long[] {5},
          Embedding.of(6, 2), rnn);
      assertFalse(java.util.Arrays.equals(kept, unmasked), rnn.className() + " ignores padding");
    }
  }

  @Test
  void maskedOutputsRepeatThePreviousOneOrAreZeros() {
    Embedding e = Embedding.of(6, 2).maskZero(true);
    SimpleRNN rnn = SimpleRNN.of(2).returnSequences(true);
    List<float[]> w = weightsOf(new long[] {4}, e, rnn);
    float[] repeat = predict(w, new float[] {0, 3, 0, 4}, new long[] {4}, e, rnn);
    float[] zeros = predict(w, new float[] {0, 3, 0, 4}, new long[] {4}, e,
        rnn.zeroOutputForMask(true));
    float[] first = java.util.Arrays.copyOfRange(repeat, 2, 4);
    assertArrayEquals(new float[] {0, 0}, java.util.Arrays.copyOfRange(repeat, 0, 2));
    assertArrayEquals(first, java.util.Arrays.copyOfRange(repeat, 4, 6));
    assertArrayEquals(new float[] {0, 0, first[0], first[1], 0, 0}, java.util.Arrays.copyOf(zeros, 6));
    assertArrayEquals(java.util.Arrays.copyOfRange(repeat, 6, 8),
        java.util.Arrays.copyOfRange(zeros, 6, 8));
  }

  @Test
  void goBackwardsRunsOverTheReversedSequence() {
    LSTM lstm = LSTM.of(2).returnSequences(true);
    List<float[]> w = weightsOf(new long[] {3, 2}, lstm);
    float[] x = {1, 2, 3, 4, 5, 6};
    float[] reversed = {5, 6, 3, 4, 1, 2};
    assertArrayEquals(predict(w, reversed, new long[] {3, 2}, lstm),
        predict(w, x, new long[] {3, 2}, lstm.goBackwards(true)), 1e-6f);
  }

  @Test
  void bidirectionalSumsTheForwardAndTheReversedBackwardRun() {
    GRU gru = GRU.of(2).returnSequences(true);
    Bidirectional bi = Bidirectional.of(gru).mergeMode("sum");
    long[] dims = {3, 2};
    List<float[]> w = weightsOf(dims, bi);
    float[] x = {1, -2, 0.5f, 4, -1, 0};
    float[] forward = predict(w.subList(0, 3), x, dims, gru);
    float[] backward = predict(w.subList(3, 6), x, dims, gru.goBackwards(true));
    float[] y = predict(w, x, dims, bi);
    for (int t = 0; t < 3; t++) {
      for (int u = 0; u < 2; u++) {
        assertEquals(forward[t * 2 + u] + backward[(2 - t) * 2 + u], y[t * 2 + u], 1e-6f);
      }
    }
  }

  @Test
  void bidirectionalWeightsAreGroupedAsKerasKeepsThem() {
    Bidirectional bi = Bidirectional.of(LSTM.of(3).name("enc"));
    List<WeightSpec> specs = bi.weights(Shape.of(-1, 5, 4));
    assertEquals(List.of("forward_enc/kernel", "forward_enc/recurrent_kernel", "forward_enc/bias",
        "backward_enc/kernel", "backward_enc/recurrent_kernel", "backward_enc/bias"),
        specs.stream().map(WeightSpec::name).toList());
    assertEquals("forward_layer/cell", specs.get(0).group());
    assertEquals("backward_layer/cell", specs.get(5).group());
    assertArrayEquals(new long[] {-1, 6}, bi.outputShape("bi", Shape.of(-1, 5, 4)).asArray());
    assertTrue(bi.backwardLayer().goBackwards());
    assertFalse(bi.forwardLayer().zeroOutputForMask());
    assertTrue(Bidirectional.of(LSTM.of(3).returnSequences(true)).forwardLayer().zeroOutputForMask());
  }

  @Test
  void bidirectionalRefusesWhatKerasRefuses() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Bidirectional.of(LSTM.of(2)).mergeMode(null));
    assertTrue(none.getMessage().contains("merge_mode=None"), none.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Bidirectional.of(LSTM.of(2)).mergeMode("max"));
    assertTrue(bad.getMessage().contains("Invalid merge mode. Received: max"), bad.getMessage());
    IllegalArgumentException direction = assertThrows(IllegalArgumentException.class,
        () -> Bidirectional.of(LSTM.of(2)).backwardLayer(GRU.of(2)));
    assertTrue(direction.getMessage().contains("different `go_backwards`"), direction.getMessage());
    IllegalArgumentException sequences = assertThrows(IllegalArgumentException.class,
        () -> Bidirectional.of(LSTM.of(2)).backwardLayer(
            GRU.of(2).goBackwards(true).returnSequences(true)));
    assertTrue(sequences.getMessage().contains("\"return_sequences\""), sequences.getMessage());
  }

  @Test
  void timeDistributedDenseEqualsDenseOnEveryStep() {
    Dense dense = Dense.of(3).activation("tanh");
    long[] dims = {4, 2};
    List<float[]> w = weightsOf(dims, dense);
    float[] x = {1, 2, 3, 4, -1, -2, 0.5f, 0, 7, 8, 9, 1, 0, 0, 2, 2};
    assertArrayEquals(predict(w, x, dims, dense), predict(w, x, dims, TimeDistributed.of(dense)),
        1e-6f);
    TimeDistributed td = TimeDistributed.of(Conv1D.of(5, 3));
    assertArrayEquals(new long[] {-1, 4, 4, 5}, td.outputShape("td", Shape.of(-1, 4, 6, 2)).asArray());
    assertEquals("layer", td.weights(Shape.of(-1, 4, 6, 2)).get(0).group());
  }

  @Test
  void timeDistributedRefusesBadInputsAndBatchStatistics() {
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> TimeDistributed.of(Dense.of(2)).outputShape("td", Shape.of(-1, 3)));
    assertTrue(rank.getMessage().contains("at least 3 dimensions, received: (None, 3)"),
        rank.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimeDistributed.of(BatchNormalization.of()));
  }

  @Test
  void masksPassThroughOrStopAsInKeras() {
    assertTrue(Dense.of(2).supportsMasking());
    assertTrue(Dropout.of(0.1).supportsMasking());
    assertTrue(Activation.of("relu").supportsMasking());
    assertTrue(Add.of().supportsMasking());
    assertFalse(Conv1D.of(2, 2).supportsMasking());
    assertFalse(Flatten.of().supportsMasking());
    assertFalse(Embedding.of(3, 2).supportsMasking());
    assertTrue(Embedding.of(3, 2).maskZero(true).supportsMasking());
  }

  @Test
  void configsReadBack() {
    roundTrip(LSTM.of(3).goBackwards(true).zeroOutputForMask(true).returnSequences(true).name("l"));
    roundTrip(Embedding.of(5, 2).maskZero(true).name("e"));
    roundTrip(Masking.of(-1).name("m"));
    roundTrip(Bidirectional.of(GRU.of(2)).mergeMode("ave").name("b"));
    roundTrip(Bidirectional.of(LSTM.of(2).returnSequences(true))
        .backwardLayer(SimpleRNN.of(2).returnSequences(true).goBackwards(true)).name("b2"));
    roundTrip(TimeDistributed.of(Dense.of(4).activation("relu").name("inner")).name("td"));
  }

  @Test
  void returnStateIsRefusedClearly() {
    Config config = LSTM.of(2).getConfig().toBuilder().put("return_state", true).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("LSTM", config, "lstm"));
    assertTrue(e.getMessage().contains("return_state=True"), e.getMessage());
  }

  private static void roundTrip(Layer<?> layer) {
    KerasObject written = Wrapped.serialize(layer, layer.name().orElseThrow());
    Layer<?> read = KerasLayers.deserialize(written.className(), written.options(),
        layer.name().orElseThrow());
    assertEquals(layer.getConfig(), read.getConfig(), layer.className());
  }
}
