package io.tfbridge.examples;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.preprocessing.Utils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The bundled MNIST digits as both sides of the benchmark read them: host arrays for Java and
 * {@code .npy} files for Keras ({@code x}, one-hot {@code y}, and the same for the test digits).
 *
 * @param x training images, {@code [n, 28, 28, 1]}, pixels / 255
 * @param y one-hot training labels, {@code [n, 10]}
 * @param xTest test images
 * @param yTest one-hot test labels
 * @param files where the four {@code .npy} files are: {@code x.npy}, {@code y.npy}, ...
 */
record BenchDigits(FloatNdArray x, FloatNdArray y, FloatNdArray xTest, FloatNdArray yTest,
    Path files) {

  /** The first {@code samples} training digits and every test digit, also written under {@code dir}. */
  static BenchDigits load(int samples, Path dir) throws IOException {
    Mnist.Split mnist = Mnist.loadData();
    int n = Math.min(samples, mnist.train().count());
    float[] pixels = Arrays.copyOf(mnist.train().toFloatPixels(), n * 784);
    float[][] labels = Utils.toCategorical(Arrays.copyOf(mnist.train().labels(), n), 10);
    float[] testPixels = mnist.test().toFloatPixels();
    float[][] testLabels = Utils.toCategorical(mnist.test().labels(), 10);
    write(dir.resolve("x.npy"), pixels, n, 28, 28, 1);
    write(dir.resolve("y.npy"), flat(labels), n, 10);
    write(dir.resolve("x_test.npy"), testPixels, testLabels.length, 28, 28, 1);
    write(dir.resolve("y_test.npy"), flat(testLabels), testLabels.length, 10);
    return new BenchDigits(HostArrays.of(pixels, n, 28, 28, 1), HostArrays.of(labels),
        HostArrays.of(testPixels, testLabels.length, 28, 28, 1), HostArrays.of(testLabels), dir);
  }

  /** The number of training digits. */
  int count() {
    return Math.toIntExact(x.shape().get(0));
  }

  /** The path of one of the four files, as a string for a command. */
  String file(String name) {
    return files.resolve(name + ".npy").toString();
  }

  private static void write(Path file, float[] data, long... shape) throws IOException {
    Npy.write(file, NpyArray.ofFloats(data, shape));
  }

  private static float[] flat(float[][] rows) {
    float[] out = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * rows[i].length, rows[i].length);
    }
    return out;
  }
}
