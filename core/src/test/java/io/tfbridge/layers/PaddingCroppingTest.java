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

/** ZeroPadding1D/2D/3D and Cropping1D/2D/3D: Keras's argument forms, shapes, values and errors. */
class PaddingCroppingTest {

  private static long[] out(Layer<?> layer, long... input) {
    return layer.outputShape("l", Shape.of(input)).asArray();
  }

  @Test
  void paddingFormsAsKeras() {
    assertArrayEquals(new int[][] {{1, 1}}, ZeroPadding1D.of().padding());
    assertArrayEquals(new int[][] {{2, 0}}, ZeroPadding1D.of(2, 0).padding());
    assertArrayEquals(new int[][] {{3, 3}, {3, 3}}, ZeroPadding2D.of(3).padding());
    assertArrayEquals(new int[][] {{1, 1}, {2, 2}}, ZeroPadding2D.of(1, 2).padding());
    assertArrayEquals(new int[][] {{0, 2}, {1, 0}},
        ZeroPadding2D.of(new int[][] {{0, 2}, {1, 0}}).padding());
    assertArrayEquals(new int[][] {{1, 1}, {2, 2}, {3, 3}}, ZeroPadding3D.of(1, 2, 3).padding());
    assertArrayEquals(new int[][] {{0, 0}, {0, 0}}, Cropping2D.of().cropping());
    assertArrayEquals(new int[][] {{1, 1}, {1, 1}, {1, 1}}, Cropping3D.of().cropping());
  }

  @Test
  void outputShapes() {
    assertArrayEquals(new long[] {-1, 8, 2}, out(ZeroPadding1D.of(3), -1, 2, 2));
    assertArrayEquals(new long[] {-1, 5, 5, 1}, out(ZeroPadding2D.of(new int[][] {{0, 2}, {1, 0}}),
        -1, 3, 4, 1));
    assertArrayEquals(new long[] {-1, -1, 6, 1}, out(ZeroPadding2D.of(1), -1, -1, 4, 1));
    assertArrayEquals(new long[] {-1, 3, 4, 6, 2}, out(ZeroPadding3D.of(1, 1, 2), -1, 1, 2, 2, 2));
    assertArrayEquals(new long[] {-1, 2, 3}, out(Cropping1D.of(0, 3), -1, 5, 3));
    assertArrayEquals(new long[] {-1, 2, 1, 4}, out(Cropping2D.of(new int[][] {{1, 0}, {0, 3}}),
        -1, 3, 4, 4));
    assertArrayEquals(new long[] {-1, 1, 2, 3, 1}, out(Cropping3D.of(), -1, 3, 4, 5, 1));
  }

  @Test
  void valuesArePaddedWithZerosAndCroppedFromBothEnds() {
    // (1, 2, 2, 1): [[0, 1], [2, 3]] padded by one row on top and one column on the right
    float[] padded = HostArrays.toFlat(run(ZeroPadding2D.of(new int[][] {{1, 0}, {0, 1}}), false, 0,
        counting(1, 2, 2, 1)));
    assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 2, 3, 0}, padded);
    // (1, 5, 1): 0..4 without the first step and the last two
    float[] cropped = HostArrays.toFlat(run(Cropping1D.of(1, 2), false, 0, counting(1, 5, 1)));
    assertArrayEquals(new float[] {1, 2}, cropped);
    float[] crop2d = HostArrays.toFlat(run(Cropping2D.of(new int[][] {{0, 1}, {1, 0}}), false, 0,
        counting(1, 3, 3, 1)));
    assertArrayEquals(new float[] {1, 2, 4, 5}, crop2d);
  }

  @Test
  void configsAsKerasWritesThem() {
    assertEquals(Config.builder().put("padding", List.of(List.of(0, 2), List.of(1, 0)))
        .put("data_format", "channels_last").build(),
        ZeroPadding2D.of(new int[][] {{0, 2}, {1, 0}}).getConfig());
    assertEquals(Config.builder().put("padding", List.of(2, 0)).put("data_format", "channels_last")
        .build(), ZeroPadding1D.of(2, 0).getConfig());
    assertEquals(Config.builder().put("cropping", List.of(1, 1)).build(), Cropping1D.of().getConfig());
    for (Layer<?> layer : List.of(ZeroPadding1D.of(2, 1), ZeroPadding2D.of(1, 3),
        ZeroPadding3D.of(new int[][] {{1, 0}, {0, 2}, {2, 1}}), Cropping1D.of(3),
        Cropping2D.of(2, 0), Cropping3D.of(new int[][] {{0, 2}, {1, 0}, {2, 2}}))) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
    }
  }

  @Test
  void configsInEveryKerasForm() {
    Config intForm = Config.builder().put("padding", 2).build();
    assertArrayEquals(new int[][] {{2, 2}, {2, 2}},
        ((ZeroPadding2D) KerasLayers.deserialize("ZeroPadding2D", intForm, "p")).padding());
    Config mixed = Config.builder().put("cropping", List.of(1, List.of(0, 2))).build();
    assertArrayEquals(new int[][] {{1, 1}, {0, 2}},
        ((Cropping2D) KerasLayers.deserialize("Cropping2D", mixed, "c")).cropping());
    Config channelsFirst = Config.builder().put("padding", 1).put("data_format", "channels_first")
        .build();
    assertThrows(IllegalArgumentException.class,
        () -> KerasLayers.deserialize("ZeroPadding1D", channelsFirst, "p"));
  }

  @Test
  void badArgumentsAndInputsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ZeroPadding2D.of(new int[][] {{1, -1}, {0, 0}}));
    assertTrue(e.getMessage().contains("1st entry of padding"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ZeroPadding3D.of(new int[][] {{1, 1}}));
    assertThrows(IllegalArgumentException.class, () -> Cropping1D.of(-1));
    e = assertThrows(IllegalArgumentException.class, () -> out(Cropping2D.of(2), -1, 4, 5, 1));
    assertTrue(e.getMessage().contains("smaller than the corresponding spatial dimension")
        && e.getMessage().contains("(None, 4, 5, 1)")
        && e.getMessage().contains("((2, 2), (2, 2))"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> out(ZeroPadding2D.of(), -1, 4, 5));
    assertTrue(e.getMessage().contains("expected ndim=4, found ndim=3"), e.getMessage());
  }
}
