package io.tfbridge.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.data.MiniJson;
import io.tfbridge.datasets.Iris;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** trainTestSplit sizes against sklearn.model_selection.train_test_split (golden.json). */
class TrainTestSplitTest {

  private static float[][] column(int n) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {i};
    }
    return x;
  }

  private static int[] range(int n) {
    int[] y = new int[n];
    Arrays.setAll(y, i -> i);
    return y;
  }

  @Test
  void sizesMatchScikitLearn() {
    for (Object o : MiniJson.list(Golden.get("train_test_split_sizes"))) {
      Map<String, Object> c = MiniJson.obj(o);
      int n = ((Number) c.get("n")).intValue();
      double testSize = ((Number) c.get("test_size")).doubleValue();
      TrainTestSplit.Split s = TrainTestSplit.trainTestSplit(column(n), range(n), testSize, 0);
      assertEquals(((Number) c.get("n_train")).intValue(), s.xTrain().length, c.toString());
      assertEquals(((Number) c.get("n_test")).intValue(), s.xTest().length, c.toString());
    }
  }

  @Test
  void splitIsAPermutationWithRowsAndLabelsAligned() {
    TrainTestSplit.Split s = TrainTestSplit.trainTestSplit(column(50), range(50), 0.3, 42);
    int[] seen = new int[50];
    check(s.xTrain(), s.yTrain(), seen);
    check(s.xTest(), s.yTest(), seen);
    int[] ones = new int[50];
    Arrays.fill(ones, 1);
    assertArrayEquals(ones, seen, "every row exactly once");
  }

  private static void check(float[][] x, int[] y, int[] seen) {
    for (int i = 0; i < x.length; i++) {
      assertEquals(y[i], (int) x[i][0]);
      seen[y[i]]++;
    }
  }

  @Test
  void sameSeedSameSplitDifferentSeedDifferentSplit() {
    Iris.Data iris = Iris.load();
    var a = TrainTestSplit.trainTestSplit(iris.data(), iris.target(), 0.3, 42);
    var b = TrainTestSplit.trainTestSplit(iris.data(), iris.target(), 0.3, 42);
    var c = TrainTestSplit.trainTestSplit(iris.data(), iris.target(), 0.3, 7);
    assertArrayEquals(a.yTest(), b.yTest());
    assertArrayEquals(a.xTrain(), b.xTrain());
    assertEquals(false, Arrays.equals(a.yTest(), c.yTest()));
    assertEquals("Split[train=105, test=45]", a.toString());
  }

  @Test
  void rowsAreCopies() {
    float[][] x = column(10);
    var s = TrainTestSplit.trainTestSplit(x, range(10), 0.5, 1);
    int row = s.yTrain()[0];
    assertNotSame(x[row], s.xTrain()[0]);
    s.xTrain()[0][0] = -1;
    assertEquals(row, (int) x[row][0]);
  }

  @Test
  void badArgumentsUseScikitLearnsWording() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> TrainTestSplit.trainTestSplit(column(3), range(2), 0.3, 0));
    assertEquals("Found input variables with inconsistent numbers of samples: [3, 2]",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainTestSplit.trainTestSplit(column(3), range(3), 1.0, 0));
    assertEquals("The 'test_size' parameter of train_test_split must be a float in the range "
        + "(0.0, 1.0). Got 1.0 instead.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainTestSplit.trainTestSplit(column(1), range(1), 0.3, 0));
    assertEquals("With n_samples=1, test_size=0.3 and train_size=None, the resulting train set "
        + "will be empty. Adjust any of the aforementioned parameters.", e.getMessage());
  }
}
