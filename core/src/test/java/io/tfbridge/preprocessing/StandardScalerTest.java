package io.tfbridge.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.MiniJson;
import io.tfbridge.datasets.Iris;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StandardScaler against sklearn.preprocessing.StandardScaler (golden.json). */
class StandardScalerTest {
  static final Map<String, Object> GOLDEN = MiniJson.obj(Golden.get("standard_scaler"));

  /** Statistics agree to double rounding (numpy sums pairwise, we sum in order). */
  private static void assertStats(Map<String, Object> expected, StandardScaler s) {
    assertArrayEquals(MiniJson.doubles(expected.get("mean")), s.mean(), 1e-12);
    assertArrayEquals(MiniJson.doubles(expected.get("var")), s.var(), 1e-12);
    assertArrayEquals(MiniJson.doubles(expected.get("scale")), s.scale(), 1e-12);
  }

  private static void assertRows(Object expected, float[][] actual) {
    float[][] rows = MiniJson.floatMatrix(expected);
    assertEquals(rows.length, actual.length);
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(rows[i], actual[i], 1e-6f, "row " + i);
    }
  }

  @Test
  void irisStatisticsMatchScikitLearn() {
    Map<String, Object> iris = MiniJson.obj(GOLDEN.get("iris"));
    float[][] x = Iris.load().data();
    StandardScaler scaler = new StandardScaler();
    float[][] z = scaler.fitTransform(x);
    assertStats(iris, scaler);
    assertEquals(4, scaler.nFeaturesIn());
    assertRows(iris.get("transform_first_rows"), java.util.Arrays.copyOf(z, 5));
  }

  @Test
  void standardizedColumnsHaveMeanZeroAndUnitVariance() {
    float[][] z = new StandardScaler().fitTransform(Iris.load().data());
    StandardScaler again = new StandardScaler().fit(z);
    assertArrayEquals(new double[4], again.mean(), 1e-6);
    assertArrayEquals(new double[] {1, 1, 1, 1}, again.scale(), 1e-6);
  }

  @Test
  void constantFeatureGetsScaleOne() {
    Map<String, Object> c = MiniJson.obj(GOLDEN.get("constant"));
    StandardScaler s = new StandardScaler();
    float[][] z = s.fitTransform(MiniJson.floatMatrix(c.get("x")));
    assertStats(c, s);
    assertRows(c.get("transform"), z);
  }

  @Test
  void nanIsIgnoredByFitAndKeptByTransform() {
    Map<String, Object> c = MiniJson.obj(GOLDEN.get("with_nan"));
    StandardScaler s = new StandardScaler();
    float[][] z = s.fitTransform(MiniJson.floatMatrix(c.get("x")));
    assertStats(c, s);
    assertRows(c.get("transform"), z);
    assertTrue(Float.isNaN(z[0][1]));
  }

  @Test
  void inverseTransformUndoesTransform() {
    float[][] x = Iris.load().data();
    StandardScaler s = new StandardScaler().fit(x);
    float[][] back = s.inverseTransform(s.transform(x));
    for (int i = 0; i < x.length; i++) {
      assertArrayEquals(x[i], back[i], 1e-5f);
    }
  }

  @Test
  void transformBeforeFitIsIllegalState() {
    var e = assertThrows(IllegalStateException.class,
        () -> new StandardScaler().transform(new float[][] {{1}}));
    assertEquals("This StandardScaler instance is not fitted yet. Call 'fit' with appropriate "
        + "arguments before using this estimator.", e.getMessage());
    assertThrows(IllegalStateException.class, () -> new StandardScaler().mean());
  }

  @Test
  void wrongFeatureCountUsesScikitLearnsWording() {
    StandardScaler s = new StandardScaler().fit(Iris.load().data());
    var e = assertThrows(IllegalArgumentException.class,
        () -> s.transform(new float[][] {{1, 2, 3, 4, 5}}));
    assertEquals("X has 5 features, but StandardScaler is expecting 4 features as input.",
        e.getMessage());
  }

  @Test
  void raggedEmptyAndInfiniteInputsAreRejected() {
    StandardScaler s = new StandardScaler();
    var e = assertThrows(IllegalArgumentException.class,
        () -> s.fit(new float[][] {{1, 2}, {3}}));
    assertEquals("X is ragged: row 1 has 1 features, expected 2 like row 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.fit(new float[0][]));
    assertTrue(e.getMessage().startsWith("Found array with 0 sample(s)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.fit(new float[][] {{}, {}}));
    assertEquals("Found array with 0 feature(s) (shape=(2, 0)) while a minimum of 1 is required "
        + "by StandardScaler.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> s.fit(new float[][] {{1, Float.POSITIVE_INFINITY}}));
    assertEquals("Input X contains infinity: X[0][1] = Infinity, expected finite values or NaN",
        e.getMessage());
  }

  @Test
  void accessorsReturnCopies() {
    StandardScaler s = new StandardScaler().fit(new float[][] {{1}, {3}});
    s.mean()[0] = 100;
    assertArrayEquals(new double[] {2}, s.mean());
    assertArrayEquals(new double[] {1}, s.scale());
  }
}
