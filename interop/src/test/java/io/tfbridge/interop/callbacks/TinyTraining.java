package io.tfbridge.interop.callbacks;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.FloatNdArray;

/** A small regression model and seeded data for the checkpoint tests. */
final class TinyTraining {
  private TinyTraining() {}

  /** A compiled {@code units}-wide two-layer model (Adam, mse). */
  static Model model(int inputs, int units) {
    return Sequential.of(Input.of(inputs), Dense.of(units).activation("relu"), Dense.of(1))
        .seed(3).compile("adam", "mse");
  }

  /** {@code rows} random rows of {@code columns} features, seeded. */
  static FloatNdArray x(int rows, int columns, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] x = new float[rows][columns];
    for (float[] row : x) {
      for (int j = 0; j < columns; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return HostArrays.of(x);
  }

  /** The targets: the sum of each row's first two features. */
  static FloatNdArray y(FloatNdArray x) {
    float[][] rows = HostArrays.toRows(x);
    float[][] y = new float[rows.length][1];
    for (int i = 0; i < rows.length; i++) {
      y[i][0] = rows[i][0] + rows[i][1];
    }
    return HostArrays.of(y);
  }

  /** Whether two weight maps hold the same paths and values. */
  static boolean sameWeights(Map<String, float[]> a, Map<String, float[]> b) {
    return a.keySet().equals(b.keySet())
        && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
  }
}
