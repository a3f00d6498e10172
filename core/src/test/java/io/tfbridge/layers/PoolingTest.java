package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.counting;
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
import org.tensorflow.ndarray.Shape;

/** Windowed pooling in one, two and three dimensions, and the global poolings of 1D and 3D inputs. */
class PoolingTest {

  private static long[] out(Layer<?> layer, long... input) {
    return layer.outputShape("pool", Shape.of(input)).asArray();
  }

  @Test
  void outputShapes() {
    assertArrayEquals(new long[] {-1, 3, 2}, out(MaxPooling1D.of(), -1, 7, 2));
    assertArrayEquals(new long[] {-1, 4, 3}, out(AveragePooling1D.of(3).strides(2).padding("same"),
        -1, 7, 3));
    assertArrayEquals(new long[] {-1, 2, 1, 2, 2}, out(MaxPooling3D.of(), -1, 4, 3, 5, 2));
    assertArrayEquals(new long[] {-1, 3, 2, 4, 1},
        out(AveragePooling3D.of(2, 3, 2).strides(1, 2, 1).padding("same"), -1, 3, 4, 4, 1));
    assertArrayEquals(new long[] {-1, 3}, out(GlobalMaxPooling1D.of(), -1, 5, 3));
    assertArrayEquals(new long[] {-1, 1, 1, 1, 2},
        out(GlobalAveragePooling3D.of().keepdims(true), -1, 2, 3, 4, 2));
    assertArrayEquals(new long[] {-1, 2}, out(GlobalMaxPooling3D.of(), -1, 2, 3, 4, 2));
  }

  @Test
  void sameAveragePoolingAveragesOnlyRealSteps() {
    // steps 0..4 in windows of 2 with "same" padding: (0+1)/2, (2+3)/2, and the last window holds 4 alone
    float[] y = HostArrays.toFlat(run(AveragePooling1D.of(2).padding("same"), false, 0,
        counting(1, 5, 1)));
    assertArrayEquals(new float[] {0.5f, 2.5f, 4f}, y);
    float[] max = HostArrays.toFlat(run(MaxPooling1D.of(3).strides(1), false, 0, counting(1, 5, 1)));
    assertArrayEquals(new float[] {2, 3, 4}, max);
    float[] global = HostArrays.toFlat(run(GlobalMaxPooling1D.of(), false, 0, counting(2, 3, 2)));
    assertArrayEquals(new float[] {4, 5, 10, 11}, global);
  }

  @Test
  void threeDimensionalPooling() {
    // one 2x2x2 volume holding 0..7: its maximum and mean
    assertArrayEquals(new float[] {7},
        HostArrays.toFlat(run(MaxPooling3D.of(), false, 0, counting(1, 2, 2, 2, 1))));
    assertArrayEquals(new float[] {3.5f},
        HostArrays.toFlat(run(AveragePooling3D.of(2, 2, 2), false, 0, counting(1, 2, 2, 2, 1))));
    assertArrayEquals(new float[] {3.5f},
        HostArrays.toFlat(run(GlobalAveragePooling3D.of(), false, 0, counting(1, 2, 2, 2, 1))));
  }

  @Test
  void configsAsKerasWritesThem() {
    assertEquals(Config.builder().putInts("pool_size", 3).put("padding", "same")
        .putInts("strides", 2).put("data_format", "channels_last").build(),
        MaxPooling1D.of(3).strides(2).padding("same").getConfig());
    for (Layer<?> layer : List.of(MaxPooling1D.of(3).strides(1), AveragePooling1D.of(2),
        MaxPooling2D.of(2, 3).padding("same"), AveragePooling2D.of(3, 3).strides(1, 2),
        MaxPooling3D.of(), AveragePooling3D.of(1, 2, 3).strides(1, 1, 2).padding("same"),
        GlobalMaxPooling1D.of().keepdims(true), GlobalAveragePooling3D.of(),
        GlobalMaxPooling3D.of().keepdims(true))) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
    }
    // a Keras config without pool_size takes MaxPooling's default; AveragePooling has none
    assertArrayEquals(new int[] {2}, ((MaxPooling1D) KerasLayers.deserialize("MaxPooling1D",
        Config.empty(), "p")).poolSize());
    assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("AveragePooling1D", Config.empty(), "p"));
  }

  @Test
  void badArgumentsAndInputsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MaxPooling1D.of(2).strides(1, 1));
    assertTrue(e.getMessage().contains("`strides` argument must be a tuple of 1 positive"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AveragePooling3D.of(2, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> MaxPooling1D.of().padding("causal"));
    e = assertThrows(IllegalArgumentException.class, () -> out(MaxPooling1D.of(4), -1, 3, 2));
    assertTrue(e.getMessage().contains("(4,)") && e.getMessage().contains("(None, 3, 2)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> out(MaxPooling3D.of(), -1, 4, 4, 2));
    assertTrue(e.getMessage().contains("expected ndim=5, found ndim=4"), e.getMessage());
  }
}
