package io.tfbridge.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.NpyArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  @TempDir Path tmp;

  /** An IDX file of unsigned bytes: 0x00 0x00 0x08 ndim, big-endian dims, data. */
  static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void readsImagesAndLabels() throws IOException {
    byte[] pixels = {0, 1, 2, 3, 4, 5, (byte) 250, (byte) 255};
    byte[] imageFile = idx(0x803, new int[] {2, 2, 2}, pixels);
    NpyArray images = Idx.read(new ByteArrayInputStream(imageFile), "x");
    assertEquals(NpyArray.ofUint8(pixels, 2, 2, 2), images);
    byte[] labelFile = idx(0x801, new int[] {3}, new byte[] {7, 0, 9});
    NpyArray labels = Idx.read(new ByteArrayInputStream(labelFile), "y");
    assertArrayEquals(new int[] {7, 0, 9}, labels.toInts());
  }

  @Test
  void detectsGzipByContentNotName() throws IOException {
    byte[] plain = idx(0x801, new int[] {2}, new byte[] {4, 2});
    Path file = tmp.resolve("labels-without-suffix");
    Files.write(file, gzip(plain));
    assertArrayEquals(new int[] {4, 2}, Idx.read(file).toInts());
  }

  @Test
  void badMagicNamesFileAndValue() throws IOException {
    Path file = tmp.resolve("t10k-images-idx3-ubyte");
    Files.write(file, idx(0x0D03, new int[] {1, 1, 1}, new byte[4])); // type 0x0D = float
    var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(file));
    assertEquals(file + ": bad IDX magic number: expected 0x000008NN (unsigned bytes, NN "
        + "dimensions), found 0x00000D03", e.getMessage());
    Files.write(file, "<html>404 not found</html>".getBytes(StandardCharsets.UTF_8));
    e = assertThrows(IllegalArgumentException.class, () -> Idx.read(file));
    assertTrue(e.getMessage().endsWith("found 0x3C68746D"), e.getMessage());
  }

  @Test
  void truncatedDataSaysExpectedAndFound() throws IOException {
    Path file = tmp.resolve("train-images-idx3-ubyte.gz");
    byte[] full = idx(0x803, new int[] {2, 3, 3}, new byte[18]);
    Files.write(file, gzip(Arrays.copyOf(full, full.length - 4)));
    var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(file));
    assertEquals(file + ": truncated IDX data: expected 18 bytes for dimensions (2, 3, 3), "
        + "found 14",
        e.getMessage());
  }

  @Test
  void truncatedHeaderAndCorruptGzipAreReported() throws IOException {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Idx.read(new ByteArrayInputStream(new byte[] {0, 0, 8, 3, 0, 0}), "short"));
    assertEquals("short: truncated IDX file: expected 12 bytes of 3 dimensions, found 2",
        e.getMessage());
    byte[] gz = gzip(idx(0x801, new int[] {100}, new byte[100]));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> Idx.read(new ByteArrayInputStream(cut), "cut.gz"));
    assertTrue(e.getMessage().startsWith("cut.gz: truncated or corrupt gzip data"), e.getMessage());
  }
}
