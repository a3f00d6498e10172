package io.tfbridge.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class TensorSpecTest {
  @Test
  void specsWithUnknownDimensionsCompareByDimensions() {
    TensorSpec a = new TensorSpec("x", DType.FLOAT32, Shape.of(-1, 4));
    assertEquals(a, new TensorSpec("x", DType.FLOAT32, Shape.of(-1, 4)));
    assertEquals(a.hashCode(), new TensorSpec("x", DType.FLOAT32, Shape.of(-1, 4)).hashCode());
    assertNotEquals(a, new TensorSpec("x", DType.FLOAT32, Shape.of(-1, 5)));
    assertNotEquals(a, new TensorSpec("x", DType.INT32, Shape.of(-1, 4)));
    assertEquals("x: float32 (None, 4)", a.toString());
    assertEquals("y: string <unknown rank>", new TensorSpec("y", DType.STRING, Shape.unknown()).toString());
  }
}
