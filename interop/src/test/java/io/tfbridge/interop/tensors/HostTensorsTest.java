package io.tfbridge.interop.tensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.inference.DType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TString;

/** Every mapped dtype goes to a tensor of TensorFlow's type and back unchanged. */
class HostTensorsTest {

  @Test
  void everyDtypeRoundTrips() {
    assertRoundTrip(StdArrays.ndCopyOf(new float[][] {{1.5f, 2}}), DType.FLOAT32,
        DataType.DT_FLOAT);
    assertRoundTrip(StdArrays.ndCopyOf(new double[] {1e-300}), DType.FLOAT64, DataType.DT_DOUBLE);
    assertRoundTrip(StdArrays.ndCopyOf(new int[] {-1, 2}), DType.INT32, DataType.DT_INT32);
    assertRoundTrip(StdArrays.ndCopyOf(new long[] {1L << 40}), DType.INT64, DataType.DT_INT64);
    assertRoundTrip(StdArrays.ndCopyOf(new boolean[] {true}), DType.BOOL, DataType.DT_BOOL);
    assertRoundTrip(StdArrays.ndCopyOf(new byte[] {(byte) 200}), DType.UINT8, DataType.DT_UINT8);
    assertRoundTrip(NdArrays.vectorOfObjects("a", "Kateřina"), DType.STRING, DataType.DT_STRING);
    assertRoundTrip(NdArrays.scalarOf(3L), DType.INT64, DataType.DT_INT64);
  }

  @Test
  void dtypesOfHostArrays() {
    assertEquals(Optional.of(DType.STRING), HostTensors.dtypeOf(NdArrays.vectorOfObjects("x")));
    assertEquals(Optional.empty(), HostTensors.dtypeOf(NdArrays.vectorOfObjects(1.5)));
    assertEquals(Optional.of(DType.STRING),
        HostTensors.dtypeOf(NdArrays.ofObjects(String.class, Shape.of(0))));
  }

  @Test
  void byteStringsAreFedByteForByte() {
    byte[] raw = {(byte) 0xff, 0, (byte) 0x80, 'a'};
    NdArray<byte[]> bytes = NdArrays.vectorOfObjects(raw, new byte[0]);
    assertEquals(Optional.of(DType.STRING), HostTensors.dtypeOf(bytes));
    try (TString t = (TString) HostTensors.toTensor(bytes, DType.STRING)) {
      assertArrayEquals(raw, t.asBytes().getObject(0));
      assertEquals(0, t.asBytes().getObject(1).length);
    }
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    assertEquals("Expected float32 values, found int32", assertThrows(
        IllegalArgumentException.class,
        () -> HostTensors.toTensor(NdArrays.ofInts(Shape.of(1)), DType.FLOAT32)).getMessage());
  }

  @Test
  void shapesAreCompatibleWhereKnown() {
    assertEquals(true, InputChecks.compatible(Shape.of(-1, 4), Shape.of(7, 4)));
    assertEquals(false, InputChecks.compatible(Shape.of(-1, 4), Shape.of(7, 5)));
    assertEquals(false, InputChecks.compatible(Shape.of(-1, 4), Shape.of(4)));
    assertEquals(true, InputChecks.compatible(Shape.unknown(), Shape.of(1, 2, 3)));
    assertEquals("<unknown rank>", InputChecks.format(Shape.unknown()));
  }

  private static void assertRoundTrip(NdArray<?> value, DType dtype, DataType tfType) {
    try (Tensor t = HostTensors.toTensor(value, dtype)) {
      assertEquals(tfType, t.dataType());
      assertEquals(tfType, TfTypes.dataType(dtype));
      assertEquals(Optional.of(dtype), TfTypes.dtype(tfType));
      NdArray<?> back = HostTensors.toHost(t);
      assertEquals(value.shape(), back.shape());
      assertEquals(value.streamOfObjects().toList(), back.streamOfObjects().toList());
    }
  }
}
