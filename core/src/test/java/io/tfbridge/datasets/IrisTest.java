package io.tfbridge.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tfbridge.data.MiniJson;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Iris.load() against sklearn.datasets.load_iris() (golden.json). */
class IrisTest {
  static final Map<String, Object> GOLDEN = MiniJson.obj(MiniJson.obj(
      MiniJson.resource(IrisTest.class, "/io/tfbridge/preprocessing/golden.json")).get("iris"));

  @Test
  void matchesScikitLearn() {
    Iris.Data iris = Iris.load();
    float[][] expected = MiniJson.floatMatrix(GOLDEN.get("data")); // float64 -> float32
    assertEquals(150, iris.data().length);
    for (int i = 0; i < 150; i++) {
      assertArrayEquals(expected[i], iris.data()[i], "row " + i);
    }
    assertArrayEquals(MiniJson.ints(GOLDEN.get("target")), iris.target());
    assertEquals(GOLDEN.get("feature_names"), iris.featureNames());
    assertEquals(List.of("setosa", "versicolor", "virginica"), iris.targetNames());
    assertEquals(GOLDEN.get("target_names"), iris.targetNames());
  }

  @Test
  void eachCallReturnsFreshArrays() {
    Iris.Data a = Iris.load();
    Iris.Data b = Iris.load();
    assertNotSame(a.data(), b.data());
    assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, a.data()[0]);
    assertEquals("Data[data=(150, 4), target=(150,), featureNames=[sepal length (cm), sepal width "
        + "(cm), petal length (cm), petal width (cm)], "
        + "targetNames=[setosa, versicolor, virginica]]",
        a.toString());
  }

  @Test
  void malformedCsvNamesTheLine() {
    var e = assertThrows(IllegalArgumentException.class, () -> Iris.parse(
        new BufferedReader(new StringReader("2,4,a,b\n1,2,3,4,0\n1,2,3,0\n")), "iris.csv"));
    assertEquals("iris.csv: line 3: expected 5 values, found 4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Iris.parse(
        new BufferedReader(new StringReader("2,4,a,b\n1,2,3,4,0\n")), "iris.csv"));
    assertEquals("iris.csv: expected line 3, found end of file", e.getMessage());
  }
}
