package io.tfbridge.preprocessing.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.data.Npy;
import io.tfbridge.data.NpyArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/** The golden files of models/python/make_datagen_golden.py (Keras's ImageDataGenerator). */
final class DatagenGolden {
  static final String DIR = "/datagen/";
  static final JsonNode CASES = json("cases.json");

  private DatagenGolden() {
  }

  static FloatNdArray array(String path) {
    try (InputStream in = DatagenGolden.class.getResourceAsStream(DIR + path)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + DIR + path);
      }
      NpyArray npy = Npy.read(in);
      return NdArrays.wrap(Shape.of(npy.shape()), DataBuffers.of(npy.toFloats()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(FloatNdArray x) {
    float[] out = new float[(int) x.size()];
    x.copyTo(NdArrays.wrap(x.shape(), DataBuffers.of(out, false, false)));
    return out;
  }

  /** The largest |a - b| (infinite when the shapes differ). */
  static double maxDifference(FloatNdArray expected, FloatNdArray actual) {
    if (!expected.shape().equals(actual.shape())) {
      return Double.POSITIVE_INFINITY;
    }
    float[] a = floats(expected);
    float[] b = floats(actual);
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Double.isNaN(b[i]) ? Double.POSITIVE_INFINITY : Math.abs(a[i] - b[i]));
    }
    return worst;
  }

  static TransformParams params(JsonNode p) {
    return new TransformParams(p.get("theta").asDouble(), p.get("tx").asDouble(),
        p.get("ty").asDouble(), p.get("shear").asDouble(), p.get("zx").asDouble(),
        p.get("zy").asDouble(), p.get("flip_horizontal").asBoolean(),
        p.get("flip_vertical").asBoolean(), nullable(p.get("channel_shift_intensity")),
        nullable(p.get("brightness")));
  }

  private static Double nullable(JsonNode value) {
    return value == null || value.isNull() ? null : value.asDouble();
  }

  private static JsonNode json(String path) {
    try (InputStream in = DatagenGolden.class.getResourceAsStream(DIR + path)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
