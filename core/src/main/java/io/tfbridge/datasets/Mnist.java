package io.tfbridge.datasets;

import io.tfbridge.data.NpyArray;
import io.tfbridge.data.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The MNIST handwritten digits, like {@code keras.datasets.mnist.load_data()}.
 *
 * <p>{@link #loadData()} needs no download: it returns a 10,000-digit subset of MNIST shipped
 * in this jar (8,000 train, 2,000 test, every digit in both; see the datasets README for its
 * origin). {@link #loadData(Path)} reads the full dataset from the four IDX files or from
 * Keras's {@code mnist.npz}.
 *
 * <pre>{@code
 * Mnist.Split mnist = Mnist.loadData();
 * float[] xTrain = mnist.train().toFloatPixels();     // x / 255, caller reshapes to (N, 28, 28, 1)
 * float[][] yTrain = Utils.toCategorical(mnist.train().labels(), 10);
 * }</pre>
 */
public final class Mnist {

  /** Training images in the original distribution (each file may also be present gzipped). */
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  /** Training labels in the original distribution. */
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  /** Test images in the original distribution. */
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  /** Test labels in the original distribution. */
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  private static final String RESOURCE_DIR = "/io/tfbridge/datasets/mnist/";

  private Mnist() {}

  /**
   * A set of images with their labels.
   *
   * @param pixels {@code count * rows * cols} grey levels in C order, unsigned
   *               ({@code pixels[i] & 0xFF} is 0..255)
   * @param labels {@code count} digit labels
   * @param count  number of images
   * @param rows   image height (28 for MNIST)
   * @param cols   image width (28 for MNIST)
   */
  public record Images(byte[] pixels, int[] labels, int count, int rows, int cols) {

    /** Checks that the arrays match {@code count}, {@code rows} and {@code cols}. */
    public Images {
      if (count < 0 || rows < 0 || cols < 0) {
        throw new IllegalArgumentException("count, rows and cols must be >= 0, found "
            + count + ", " + rows + ", " + cols);
      }
      if (pixels.length != (long) count * rows * cols) {
        throw new IllegalArgumentException("pixels must hold count*rows*cols = " + count + "*"
            + rows + "*" + cols + " bytes, found " + pixels.length);
      }
      if (labels.length != count) {
        throw new IllegalArgumentException(
            "labels must hold count = " + count + " values, found " + labels.length);
      }
    }

    /** The pixels scaled to [0, 1] as {@code x.astype("float32") / 255}, same order. */
    public float[] toFloatPixels() {
      float[] out = new float[pixels.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (pixels[i] & 0xFF) / 255f;
      }
      return out;
    }

    /** {@code Images[count=8000, rows=28, cols=28]}. */
    @Override
    public String toString() {
      return "Images[count=" + count + ", rows=" + rows + ", cols=" + cols + "]";
    }
  }

  /**
   * The train and test splits, Keras's {@code (x_train, y_train), (x_test, y_test)}.
   *
   * @param train the training images
   * @param test  the test images
   */
  public record Split(Images train, Images test) {
  }

  /** The bundled subset: 8,000 training and 2,000 test images of 28x28. */
  public static Split loadData() {
    try {
      return new Split(resourceImages(TRAIN_IMAGES, TRAIN_LABELS),
          resourceImages(TEST_IMAGES, TEST_LABELS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled MNIST subset", e);
    }
  }

  /**
   * The dataset at {@code path}: either a directory holding the four IDX files
   * ({@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES},
   * {@value #TEST_LABELS}, each optionally with {@code .gz}) or a Keras {@code mnist.npz} with
   * arrays {@code x_train, y_train, x_test, y_test}.
   *
   * @throws NoSuchFileException      if {@code path} or one of the IDX files is missing
   * @throws IllegalArgumentException if a file is malformed or the files disagree
   */
  public static Split loadData(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return new Split(idxImages(path, TRAIN_IMAGES, TRAIN_LABELS),
          idxImages(path, TEST_IMAGES, TEST_LABELS));
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null,
          "expected a directory of MNIST IDX files or a Keras mnist.npz");
    }
    Map<String, NpyArray> npz = Npz.read(path);
    return new Split(npzImages(npz, "x_train", "y_train", path),
        npzImages(npz, "x_test", "y_test", path));
  }

  private static Images resourceImages(String images, String labels) throws IOException {
    return images(readResource(images + ".gz"), images, readResource(labels + ".gz"), labels);
  }

  private static NpyArray readResource(String name) throws IOException {
    String resource = RESOURCE_DIR + name;
    try (InputStream in = Mnist.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new NoSuchFileException(resource, null, "MNIST resource missing from the classpath");
      }
      return Idx.read(in, resource);
    }
  }

  private static Images idxImages(Path dir, String images, String labels) throws IOException {
    Path imageFile = idxFile(dir, images);
    Path labelFile = idxFile(dir, labels);
    NpyArray x = Idx.read(imageFile);
    NpyArray y = Idx.read(labelFile);
    return images(x, imageFile.toString(), y, labelFile.toString());
  }

  private static Path idxFile(Path dir, String name) throws NoSuchFileException {
    for (Path p : new Path[] {dir.resolve(name), dir.resolve(name + ".gz")}) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new NoSuchFileException(dir.resolve(name).toString(), null,
        "expected " + name + " or " + name + ".gz in " + dir);
  }

  private static Images images(NpyArray x, String xSource, NpyArray y, String ySource) {
    long[] xs = x.shape();
    if (xs.length != 3) {
      throw new IllegalArgumentException(xSource + ": expected images of 3 dimensions (count, "
          + "rows, cols), IDX magic 0x00000803, found shape " + x.shapeString() + magic(x));
    }
    if (y.ndim() != 1) {
      throw new IllegalArgumentException(ySource + ": expected labels of 1 dimension (count,), "
          + "IDX magic 0x00000801, found shape " + y.shapeString() + magic(y));
    }
    if (y.size() != xs[0]) {
      throw new IllegalArgumentException(ySource + ": expected " + xs[0]
          + " labels, one per image in " + xSource + ", found " + y.size());
    }
    return new Images((byte[]) x.data(), y.toInts(), (int) xs[0], (int) xs[1], (int) xs[2]);
  }

  private static String magic(NpyArray a) {
    return a.dtype().equals("|u1") ? String.format(" (magic 0x%08X)", 0x800 | a.ndim()) : "";
  }

  private static Images npzImages(Map<String, NpyArray> npz, String xKey, String yKey, Path file) {
    NpyArray x = npzArray(npz, xKey, file);
    if (!x.dtype().equals("|u1")) {
      throw new IllegalArgumentException(file + ": expected '" + xKey + "' of dtype '|u1' (uint8), "
          + "found '" + x.dtype() + "'");
    }
    return images(x, file + " (" + xKey + ")", npzArray(npz, yKey, file), file + " (" + yKey + ")");
  }

  private static NpyArray npzArray(Map<String, NpyArray> npz, String key, Path file) {
    NpyArray a = npz.get(key);
    if (a == null) {
      throw new IllegalArgumentException(file + ": expected arrays x_train, y_train, x_test, y_test"
          + " in the .npz, found " + npz.keySet());
    }
    return a;
  }
}
