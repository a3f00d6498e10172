package io.tfbridge.layers;

import static io.tfbridge.layers.LayerRunner.counting;
import static io.tfbridge.layers.LayerRunner.roundTrip;
import static io.tfbridge.layers.LayerRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.saving.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** RepeatVector, Permute, Identity and Flatten of higher ranks. */
class ReshapingLayersTest {

  private static long[] out(Layer<?> layer, long... input) {
    return layer.outputShape("r", Shape.of(input)).asArray();
  }

  @Test
  void repeatVector() {
    assertArrayEquals(new long[] {-1, 3, 2}, out(RepeatVector.of(3), -1, 2));
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1},
        HostArrays.toFlat(run(RepeatVector.of(3), false, 0, counting(1, 2))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RepeatVector.of(0));
    assertEquals("Argument `n` should be a positive integer. Received: n=0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> out(RepeatVector.of(2), -1, 2, 3));
  }

  @Test
  void permute() {
    assertArrayEquals(new long[] {-1, 4, 2, 3}, out(Permute.of(3, 1, 2), -1, 2, 3, 4));
    // (1, 2, 3) holding 0..5, axes swapped: (1, 3, 2)
    assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5},
        HostArrays.toFlat(run(Permute.of(2, 1), false, 0, counting(1, 2, 3))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Permute.of(0, 1));
    assertTrue(e.getMessage().contains("must be consecutive and start from 1. Received dims=(0, 1)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> out(Permute.of(2, 1), -1, 2, 3, 4));
    assertTrue(e.getMessage().contains("expected ndim=3, found ndim=4"), e.getMessage());
  }

  @Test
  void identityAndFlatten() {
    assertArrayEquals(new long[] {-1, 2, 5}, out(Identity.of(), -1, 2, 5));
    assertArrayEquals(new float[] {0, 1, 2, 3},
        HostArrays.toFlat(run(Identity.of(), false, 0, counting(2, 2))));
    assertFalse(Identity.of().hasBuildConfig());
    assertArrayEquals(new long[] {-1, 24}, out(Flatten.of(), -1, 2, 3, 2, 2));
  }

  @Test
  void configsAsKerasWritesThem() {
    assertEquals(Config.builder().put("n", 4).build(), RepeatVector.of(4).getConfig());
    assertEquals(Config.builder().putInts("dims", 2, 1).build(), Permute.of(2, 1).getConfig());
    assertEquals(Config.empty(), Identity.of().getConfig());
    for (Layer<?> layer : List.of(RepeatVector.of(2), Permute.of(3, 1, 2), Identity.of())) {
      assertEquals(layer.getConfig(), roundTrip(layer).getConfig(), layer.className());
    }
  }
}
