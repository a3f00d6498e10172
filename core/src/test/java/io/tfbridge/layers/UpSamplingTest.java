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

/** UpSampling1D/2D/3D: repetition along each spatial axis, UpSampling2D's interpolations. */
class UpSamplingTest {

  private static long[] out(Layer<?> layer, long... input) {
    return layer.outputShape("up", Shape.of(input)).asArray();
  }

  @Test
  void outputShapes() {
    assertArrayEquals(new long[] {-1, 9, 2}, out(UpSampling1D.of(3), -1, 3, 2));
    assertArrayEquals(new long[] {-1, 6, 6, 1}, out(UpSampling2D.of(2, 3), -1, 3, 2, 1));
    assertArrayEquals(new long[] {-1, -1, 4, 1}, out(UpSampling2D.of(), -1, -1, 2, 1));
    assertArrayEquals(new long[] {-1, 2, 6, 6, 1}, out(UpSampling3D.of(1, 2, 3), -1, 2, 3, 2, 1));
  }

  @Test
  void nearestRepeatsEachEntry() {
    assertArrayEquals(new float[] {0, 1, 0, 1, 2, 3, 2, 3},
        HostArrays.toFlat(run(UpSampling1D.of(), false, 0, counting(1, 2, 2))));
    // [[0, 1]] scaled by (2, 2): [[0, 0, 1, 1], [0, 0, 1, 1]]
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 1, 1},
        HostArrays.toFlat(run(UpSampling2D.of(), false, 0, counting(1, 1, 2, 1))));
    assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3, 3},
        HostArrays.toFlat(run(UpSampling3D.of(1, 1, 2), false, 0, counting(1, 2, 2, 1, 1))));
  }

  @Test
  void bilinearUsesHalfPixelCenters() {
    // a row [0, 4] doubled: output centres at 0.25, 0.75, 1.25, 1.75 input pixels -> 0, 1, 3, 4
    float[] y = HostArrays.toFlat(run(UpSampling2D.of(1, 2).interpolation("BILINEAR"), false, 0,
        HostArrays.of(new float[] {0, 4}, 1, 1, 2, 1)));
    assertArrayEquals(new float[] {0, 1, 3, 4}, y, 1e-6f);
  }

  @Test
  void configsAsKerasWritesThem() {
    assertEquals(Config.builder().put("size", 3).build(), UpSampling1D.of(3).getConfig());
    assertEquals(Config.builder().putInts("size", 2, 3).put("data_format", "channels_last")
        .put("interpolation", "bilinear").build(),
        UpSampling2D.of(2, 3).interpolation("bilinear").getConfig());
    for (Layer<?> layer : List.of(UpSampling1D.of(), UpSampling2D.of().interpolation("bicubic"),
        UpSampling3D.of(1, 2, 3))) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> UpSampling1D.of(0));
    assertThrows(IllegalArgumentException.class, () -> UpSampling3D.of(1, -2, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UpSampling2D.of().interpolation("lanczos3"));
    assertTrue(e.getMessage().contains("lanczos3"), e.getMessage());
    Config area = Config.builder().putInts("size", 2, 2).put("interpolation", "area").build();
    e = assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("UpSampling2D", area, "up"));
    assertTrue(e.getMessage().contains("interpolation=\"area\"")
        && e.getMessage().contains("is not supported"), e.getMessage());
  }
}
