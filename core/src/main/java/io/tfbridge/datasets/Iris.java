package io.tfbridge.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fisher's iris dataset, like scikit-learn's {@code sklearn.datasets.load_iris()}: 150 flowers,
 * 4 measurements each, 3 species. The data are scikit-learn's own {@code iris.csv}, bundled in
 * this jar.
 *
 * <pre>{@code
 * Iris.Data iris = Iris.load();
 * float[][] x = iris.data();     // 150 x 4, like iris.data
 * int[] y = iris.target();       // 0, 1 or 2, like iris.target
 * iris.targetNames();            // [setosa, versicolor, virginica]
 * }</pre>
 */
public final class Iris {

  private static final String RESOURCE = "/io/tfbridge/datasets/iris.csv";

  /** scikit-learn's {@code feature_names} (the CSV does not carry them). */
  static final List<String> FEATURE_NAMES =
      List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");

  private Iris() {}

  /**
   * The dataset, as scikit-learn's {@code Bunch}.
   *
   * @param data         {@code (150, 4)} measurements in cm, one row per flower
   * @param target       species index of each flower, 0..2
   * @param featureNames names of the 4 columns of {@code data}
   * @param targetNames  species names, indexed by {@code target}
   */
  public record Data(
      float[][] data, int[] target, List<String> featureNames, List<String> targetNames) {

    /** {@code Data[data=(150, 4), target=(150,), targetNames=[setosa, versicolor, virginica]]}. */
    @Override
    public String toString() {
      int cols = data.length == 0 ? 0 : data[0].length;
      return "Data[data=(" + data.length + ", " + cols + "), target=(" + target.length
          + ",), featureNames=" + featureNames + ", targetNames=" + targetNames + "]";
    }
  }

  /** Loads the bundled dataset; each call returns fresh arrays. */
  public static Data load() {
    try (InputStream in = Iris.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses scikit-learn's dataset CSV layout: a header {@code n_samples,n_features,name0,name1,...}
   * then one row per sample, {@code n_features} numbers followed by the integer target.
   */
  static Data parse(BufferedReader reader, String source) throws IOException {
    String[] header = splitLine(reader.readLine(), source, 0);
    int n = parseInt(header[0], source, 1);
    int features = parseInt(header[1], source, 1);
    List<String> targetNames = List.of(Arrays.copyOfRange(header, 2, header.length));
    float[][] data = new float[n][features];
    int[] target = new int[n];
    for (int i = 0; i < n; i++) {
      String[] cells = splitLine(reader.readLine(), source, i + 2);
      if (cells.length != features + 1) {
        throw new IllegalArgumentException(source + ": line " + (i + 2) + ": expected "
            + (features + 1) + " values, found " + cells.length);
      }
      for (int j = 0; j < features; j++) {
        data[i][j] = Float.parseFloat(cells[j]);
      }
      target[i] = parseInt(cells[features], source, i + 2);
    }
    return new Data(data, target, FEATURE_NAMES, targetNames);
  }

  private static String[] splitLine(String line, String source, int lineNumber) {
    if (line == null) {
      throw new IllegalArgumentException(source + ": expected line " + Math.max(lineNumber, 1)
          + ", found end of file");
    }
    return line.strip().split(",");
  }

  private static int parseInt(String s, String source, int lineNumber) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + ": line " + lineNumber
          + ": expected an integer, found '" + s + "'", e);
    }
  }
}
