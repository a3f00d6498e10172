package io.tfbridge.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Npy against files written by numpy (models/python/make_preprocessing_golden.py). */
class NpyTest {
  static final String DIR = "/io/tfbridge/data/npy/";
  static final Map<String, Object> MANIFEST =
      MiniJson.obj(MiniJson.resource(NpyTest.class, DIR + "manifest.json"));

  @TempDir Path tmp;

  static Stream<String> npyFiles() {
    return MANIFEST.keySet().stream().filter(k -> k.endsWith(".npy"));
  }

  static byte[] resourceBytes(String name) throws IOException {
    try (InputStream in = NpyTest.class.getResourceAsStream(DIR + name)) {
      return in.readAllBytes();
    }
  }

  static NpyArray readResource(String name) throws IOException {
    return Npy.read(new ByteArrayInputStream(resourceBytes(name)));
  }

  /** Checks dtype, shape and every value against a manifest entry. */
  static void assertMatches(Map<String, Object> expected, NpyArray actual) {
    assertEquals(expected.get("dtype"), actual.dtype());
    assertArrayEquals(MiniJson.longs(expected.get("shape")), actual.shape());
    Object data = expected.get("data");
    switch (actual.dtype()) {
      case "<f4" -> assertArrayEquals(MiniJson.floats(data), (float[]) actual.data());
      case "<f8" -> assertArrayEquals(MiniJson.doubles(data), (double[]) actual.data());
      case "<i4" -> assertArrayEquals(MiniJson.ints(data), (int[]) actual.data());
      case "<i8" -> assertArrayEquals(MiniJson.longs(data), (long[]) actual.data());
      case "|b1" -> assertEquals(MiniJson.list(data), asList((boolean[]) actual.data()));
      default -> assertArrayEquals(MiniJson.ints(data), actual.toInts()); // u1, i1
    }
  }

  private static List<Boolean> asList(boolean[] b) {
    Boolean[] boxed = new Boolean[b.length];
    Arrays.setAll(boxed, i -> b[i]);
    return List.of(boxed);
  }

  @ParameterizedTest
  @MethodSource("npyFiles")
  void readsEveryFileNumpyWrote(String name) throws IOException {
    assertMatches(MiniJson.obj(MANIFEST.get(name)), readResource(name));
  }

  @ParameterizedTest
  @MethodSource("npyFiles")
  void roundTripsThroughAFile(String name) throws IOException {
    NpyArray original = readResource(name);
    Path file = tmp.resolve(name);
    Npy.write(file, original);
    assertEquals(original, Npy.read(file));
    int itemSize = original.dtype().charAt(2) - '0';
    assertEquals(0, (Files.size(file) - original.size() * itemSize) % 64, "64-byte aligned header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"f4.npy", "f8.npy", "i4.npy", "i8.npy", "u1.npy", "i1.npy", "b1.npy",
      "scalar.npy", "empty.npy"})
  void writesTheSameBytesAsNumpy(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, readResource(name));
    assertArrayEquals(resourceBytes(name), out.toByteArray());
  }

  @Test
  void factoriesDefaultToOneDimension() throws IOException {
    NpyArray a = NpyArray.ofInts(new int[] {1, 2, 3});
    assertArrayEquals(new long[] {3}, a.shape());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, a);
    String header = new String(out.toByteArray(), 10, 118, StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }"));
    assertEquals(128 + 12, out.size());
    assertTrue(header.endsWith(" \n"));
  }

  @Test
  void fortranOrderIsRejectedWithAHint() {
    var e = assertThrows(IllegalArgumentException.class, () -> readResource("fortran.npy"));
    assertTrue(e.getMessage().contains("Fortran-order"), e.getMessage());
    assertTrue(e.getMessage().contains("ascontiguousarray"), e.getMessage());
  }

  @Test
  void unsupportedDtypeNamesFileAndChoices() throws IOException {
    Path file = tmp.resolve("half.npy");
    Files.write(file, resourceBytes("f2.npy"));
    var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    String message = e.getMessage();
    assertTrue(message.contains("'<f2'") && message.contains("'<f4'"), message);
  }

  @Test
  void truncatedDataSaysExpectedAndFoundBytes() throws IOException {
    byte[] full = resourceBytes("f8.npy"); // shape (3, 2): 48 data bytes after a 128-byte header
    Path file = tmp.resolve("cut.npy");
    Files.write(file, Arrays.copyOf(full, full.length - 5));
    var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(file));
    assertEquals(file + ": truncated .npy data: expected 48 bytes for shape (3, 2) and dtype "
        + "'<f8', found 43", e.getMessage());
  }

  @Test
  void truncatedHeaderIsReported() throws IOException {
    byte[] cut = Arrays.copyOf(resourceBytes("f4.npy"), 40);
    var e = assertThrows(IllegalArgumentException.class,
        () -> Npy.read(new ByteArrayInputStream(cut)));
    assertTrue(e.getMessage().contains("expected 118 bytes of header"), e.getMessage());
  }

  @Test
  void badMagicShowsTheBytesFound() {
    byte[] junk = "PK\3\4 not numpy at all".getBytes(StandardCharsets.ISO_8859_1);
    var e = assertThrows(IllegalArgumentException.class,
        () -> Npy.read(new ByteArrayInputStream(junk)));
    assertTrue(e.getMessage().contains("expected magic string \\x93NUMPY, found \\x50\\x4b\\x03"),
        e.getMessage());
  }

  @Test
  void unknownVersionIsRejected() throws IOException {
    byte[] b = resourceBytes("f4.npy");
    b[6] = 4;
    var e = assertThrows(IllegalArgumentException.class,
        () -> Npy.read(new ByteArrayInputStream(b)));
    assertTrue(e.getMessage().contains("version 4.0, expected 1.0, 2.0 or 3.0"), e.getMessage());
  }

  @Test
  void failedWriteLeavesNoTemporaryFile() throws IOException {
    Path target = tmp.resolve("taken");
    Files.createDirectories(target.resolve("child")); // a non-empty directory cannot be replaced
    assertThrows(IOException.class, () -> Npy.write(target, NpyArray.ofFloats(new float[] {1})));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void overwritesAnExistingFile() throws IOException {
    Path file = tmp.resolve("x.npy");
    Npy.write(file, NpyArray.ofFloats(new float[] {1, 2, 3, 4}, 2, 2));
    Npy.write(file, NpyArray.ofBools(new boolean[] {true}));
    assertEquals(NpyArray.ofBools(new boolean[] {true}), Npy.read(file));
    try (Stream<Path> files = Files.list(tmp)) {
      assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")));
    }
  }

  @Test
  void largeArraysCrossChunkBoundaries() throws IOException {
    double[] data = new double[100_002]; // 800 kB: several 64 kB chunks, the last one partial
    Arrays.setAll(data, i -> i * 0.5 - 7);
    Path file = tmp.resolve("big.npy");
    Npy.write(file, NpyArray.ofDoubles(data, 3, 33_334));
    assertArrayEquals(data, (double[]) Npy.read(file).data());
  }
}
