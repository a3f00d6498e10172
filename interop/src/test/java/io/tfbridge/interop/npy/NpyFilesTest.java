package io.tfbridge.interop.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.BooleanNdArray;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.DoubleNdArray;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.IntNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;

/** .npy files of every input dtype, numeric through core's Npy and strings through NpyStrings. */
class NpyFilesTest {
  @TempDir Path tmp;

  @Test
  void numericArraysRoundTripWithTheirTypes() throws IOException {
    assertRoundTrip(StdArrays.ndCopyOf(new float[][] {{1.5f, -2}, {3, 4}}), FloatNdArray.class);
    assertRoundTrip(StdArrays.ndCopyOf(new double[] {1e-300, 2}), DoubleNdArray.class);
    assertRoundTrip(StdArrays.ndCopyOf(new int[][] {{1, 2, 3}}), IntNdArray.class);
    assertRoundTrip(StdArrays.ndCopyOf(new long[] {Long.MAX_VALUE}), LongNdArray.class);
    assertRoundTrip(StdArrays.ndCopyOf(new byte[] {(byte) 255, 0}), ByteNdArray.class);
    assertRoundTrip(StdArrays.ndCopyOf(new boolean[] {true, false}), BooleanNdArray.class);
    assertRoundTrip(NdArrays.scalarOf(7f), FloatNdArray.class);
  }

  @Test
  void stringsRoundTrip() throws IOException {
    NdArray<String> names = NdArrays.ofObjects(String.class, Shape.of(2, 2));
    names.setObject("Ada", 0, 0).setObject("", 0, 1).setObject("Kateřina", 1, 0)
        .setObject("emoji \uD83D\uDE00", 1, 1);
    Path file = tmp.resolve("names.npy");
    NpyFiles.write(file, names);
    assertEquals(names, NpyFiles.read(file));
    assertEquals(0, Files.size(file) % 4);
  }

  @Test
  void readsNumpyUnicodeArrays() throws Exception {
    Path file = Path.of(getClass().getResource("/savedmodel/tf_module/x_greet__names.npy").toURI());
    NdArray<?> names = NpyFiles.read(file);
    assertEquals(List.of("Ada", "Grace", "Kateřina"), names.streamOfObjects().toList());
  }

  @Test
  void int8HasNoModelType() throws IOException {
    Path file = tmp.resolve("i8.npy");
    Npy.write(file, NpyArray.ofInt8(new byte[] {1, 2}));
    String message = assertThrows(IllegalArgumentException.class, () -> NpyFiles.read(file))
        .getMessage();
    assertEquals(file + ": dtype '|i1' has no model input type; convert it (e.g. "
        + "x.astype(np.int32)) first", message);
  }

  @Test
  void numpyReadsTheStringsWritten() throws Exception {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    Path file = tmp.resolve("s.npy");
    NpyFiles.write(file, NdArrays.vectorOfObjects("Ada", "Kateřina"));
    Process p = new ProcessBuilder(python, "-c", "import numpy as np, sys; "
        + "a = np.load(sys.argv[1]); assert a.tolist() == ['Ada', 'Kateřina'], a; print(a.dtype)",
        file.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    String out = new String(p.getInputStream().readAllBytes(), "UTF-8");
    assertEquals(0, p.exitValue(), out);
    assertEquals("<U8", out.strip());
  }

  private void assertRoundTrip(NdArray<?> array, Class<?> type) throws IOException {
    Path file = tmp.resolve("a.npy");
    NpyFiles.write(file, array);
    NdArray<?> back = NpyFiles.read(file);
    assertInstanceOf(type, back);
    assertEquals(array.shape(), back.shape());
    assertEquals(array.streamOfObjects().toList(), back.streamOfObjects().toList());
  }
}
