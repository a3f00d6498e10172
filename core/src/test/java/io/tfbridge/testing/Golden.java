package io.tfbridge.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tfbridge.data.HostArrays;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Reads the golden files that {@code models/python/make_golden.py} makes with real Keras (see
 * {@code golden/README.md}), and compares within a stated tolerance.
 */
public final class Golden {
  private final String dir;

  private Golden(String dir) {
    this.dir = dir;
  }

  /** The case directory {@code golden/<name>} on the test classpath. */
  public static Golden of(String name) {
    return new Golden("/golden/" + name + "/");
  }

  /** {@code <file>.npy}. */
  public NpyArray npy(String file) {
    try (InputStream in = Golden.class.getResourceAsStream(dir + file + ".npy")) {
      if (in == null) {
        throw new IllegalStateException("Missing golden file " + dir + file + ".npy");
      }
      return Npy.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code <file>.npy} as an NdArray of its shape. */
  public FloatNdArray array(String file) {
    NpyArray a = npy(file);
    return HostArrays.of(a.toFloats(), a.shape());
  }

  /** {@code <prefix>0.npy, <prefix>1.npy, ...} while they exist. */
  public List<float[]> weights(String prefix) {
    List<float[]> weights = new ArrayList<>();
    for (int i = 0; Golden.class.getResource(dir + prefix + i + ".npy") != null; i++) {
      weights.add(npy(prefix + i).toFloats());
    }
    return weights;
  }

  /** {@code <prefix>0.npy, <prefix>1.npy, ...} while they exist, as NdArrays of their shapes. */
  public List<FloatNdArray> arrays(String prefix) {
    List<FloatNdArray> arrays = new ArrayList<>();
    for (int i = 0; Golden.class.getResource(dir + prefix + i + ".npy") != null; i++) {
      arrays.add(array(prefix + i));
    }
    return arrays;
  }

  /** The scalar in {@code <file>.npy}. */
  public double scalar(String file) {
    return npy(file).toFloats()[0];
  }

  /**
   * Asserts {@code |actual - expected| <= atol + atol * |expected|} element-wise, reporting the worst
   * element.
   */
  public static void assertClose(float[] expected, float[] actual, double atol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < expected.length; i++) {
      double excess = Math.abs(actual[i] - expected[i]) - atol * (1 + Math.abs(expected[i]));
      if (excess > worstExcess || Double.isNaN(actual[i])) {
        worst = i;
        worstExcess = Double.isNaN(actual[i]) ? Double.POSITIVE_INFINITY : excess;
      }
    }
    if (worst >= 0) {
      fail(String.format("%s: element %d is %s, Keras has %s (tolerance %g)", what, worst,
          actual[worst], expected[worst], atol));
    }
  }

  /** Asserts shapes equal. */
  public static void assertShape(long[] expected, long[] actual, String what) {
    assertArrayEquals(expected, actual, what + ": shape");
  }
}
