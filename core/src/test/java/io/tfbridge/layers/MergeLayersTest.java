package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.roundTrip;
import static io.tfbridge.layers.LayerRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;

/** The element-wise merges and Dot: Keras's broadcasting, values, configs and errors. */
class MergeLayersTest {
  private static final FloatNdArray A = HostArrays.of(new float[] {1, -2, 3, 4, 0, -1}, 2, 3);
  private static final FloatNdArray B = HostArrays.of(new float[] {2, 5, -1, 0, 1, 3}, 2, 3);

  private static long[] merged(Layer<?> layer, long[]... shapes) {
    return layer.outputShape("m", java.util.Arrays.stream(shapes).map(Shape::of).toList()).asArray();
  }

  private static float[] values(Layer<?> layer, FloatNdArray... inputs) {
    return HostArrays.toFlat(run(layer, false, 0, inputs));
  }

  @Test
  void elementwiseValues() {
    assertArrayEquals(new float[] {2, -10, -3, 0, 0, -3}, values(Multiply.of(), A, B));
    assertArrayEquals(new float[] {-1, -7, 4, 4, -1, -4}, values(Subtract.of(), A, B));
    assertArrayEquals(new float[] {1.5f, 1.5f, 1, 2, 0.5f, 1}, values(Average.of(), A, B));
    assertArrayEquals(new float[] {2, 5, 3, 4, 1, 3}, values(Maximum.of(), A, B));
    assertArrayEquals(new float[] {1, -2, -1, 0, 0, -1}, values(Minimum.of(), A, B));
    assertArrayEquals(new float[] {4, 1, 5, 8, 1, 1}, values(Add.of(), A, B, A));
  }

  @Test
  void broadcastingAsKeras() {
    assertArrayEquals(new long[] {-1, 4, 3}, merged(Multiply.of(), new long[] {-1, 4, 3},
        new long[] {-1, 1, 3}));
    // shapes align at their last axes; the lower-rank input gains axes after the batch axis
    assertArrayEquals(new long[] {-1, 2, 4, 3}, merged(Maximum.of(), new long[] {-1, 2, 4, 3},
        new long[] {-1, 3}, new long[] {-1, 1, 3}));
    FloatNdArray row = HostArrays.of(new float[] {10, 20, 30, 40, 50, 60}, 2, 1, 3);
    // (2, 3) - (2, 1, 3): A becomes (2, 1, 3)
    assertArrayEquals(new float[] {-9, -22, -27, -36, -50, -61}, values(Subtract.of(), A, row));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> merged(Average.of(), new long[] {-1, 4}, new long[] {-1, 3, 2}));
    assertTrue(e.getMessage().contains("Inputs have incompatible shapes. Received shapes (3, 2) and "
        + "(4,)") && e.getMessage().contains("Average"), e.getMessage());
  }

  @Test
  void subtractTakesExactlyTwoInputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> merged(Subtract.of(), new long[] {-1, 3}, new long[] {-1, 3}, new long[] {-1, 3}));
    assertTrue(e.getMessage().contains("A `Subtract` layer should be called on exactly 2 inputs")
        && e.getMessage().contains("[(None, 3), (None, 3), (None, 3)]"), e.getMessage());
  }

  @Test
  void dotShapesAsKerasBatchDot() {
    assertArrayEquals(new long[] {-1, 1}, merged(Dot.of(1), new long[] {-1, 4}, new long[] {-1, 4}));
    assertArrayEquals(new long[] {-1, 5, 2}, merged(Dot.of(1, 2), new long[] {-1, 3, 5},
        new long[] {-1, 2, 3}));
    assertArrayEquals(new long[] {-1, 3, 2}, merged(Dot.of(-1), new long[] {-1, 3, 4},
        new long[] {-1, 2, 4}));
    assertArrayEquals(new long[] {-1, 4}, merged(Dot.of(1, 2), new long[] {-1, 3},
        new long[] {-1, 4, 3}));
    assertArrayEquals(new long[] {-1, -1, -1}, merged(Dot.of(2, 2), new long[] {-1, -1, 8},
        new long[] {-1, -1, 8}));
  }

  @Test
  void dotValues() {
    // rows of A and B: (1, -2, 3).(2, 5, -1) = -11, (4, 0, -1).(0, 1, 3) = -3
    assertArrayEquals(new float[] {-11, -3}, values(Dot.of(1), A, B));
    float[] cosine = values(Dot.of(-1).normalize(true), A, B);
    assertEquals(-11 / Math.sqrt(14 * 30), cosine[0], 1e-6);
    assertEquals(-3 / Math.sqrt(17 * 10), cosine[1], 1e-6);
    // (1, 2, 3) . (1, 2, 3) along axis 1 of each: a (2, 2) outer-product-like result per sample
    FloatNdArray x = HostArrays.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    assertArrayEquals(new float[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, values(Dot.of(1), x, x));
  }

  @Test
  void dotErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> merged(Dot.of(1), new long[] {-1, 4}, new long[] {-1, 3}));
    assertTrue(e.getMessage().contains("axis values 4 (at axis 1) != 3 (at axis 1)"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> merged(Dot.of(0), new long[] {-1, 4}, new long[] {-1, 4}));
    assertThrows(IllegalArgumentException.class,
        () -> merged(Dot.of(3), new long[] {-1, 4}, new long[] {-1, 4}));
    e = assertThrows(IllegalArgumentException.class,
        () -> merged(Dot.of(1), new long[] {-1, 4}, new long[] {-1, 4}, new long[] {-1, 4}));
    assertTrue(e.getMessage().contains("A `Dot` layer should be called on a list of 2 inputs"),
        e.getMessage());
  }

  @Test
  void configsAsKerasWritesThem() {
    assertEquals(Config.builder().put("axes", 1).put("normalize", false).build(),
        Dot.of(1).getConfig());
    assertEquals(Config.builder().putInts("axes", 1, 2).put("normalize", true).build(),
        Dot.of(1, 2).normalize(true).getConfig());
    for (Layer<?> layer : List.of(Dot.of(-1), Dot.of(2, 1).normalize(true), Multiply.of(),
        Subtract.of(), Average.of(), Maximum.of(), Minimum.of())) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
      assertEquals(layer.className(), roundTrip(layer).className());
    }
  }
}
