package io.tfbridge.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.tfbridge.inference.DType;
import io.tfbridge.interop.tensors.HostTensors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.tensorflow.ndarray.NdArray;

/**
 * A classify or regress signature's outputs as TF Serving answers them, after its checks (a
 * signature that answers otherwise gets TF Serving's 400): {@code {"results": [[[label, score],
 * ...], ...]}} from {@code classes} (string, {@code [batch, classes]}; labels are {@code ""}
 * without it) and {@code scores} (float32, the same shape; 0 without it), or
 * {@code {"results": [value, ...]}} from {@code outputs} (float32, {@code [batch]} or
 * {@code [batch, 1]}).
 */
final class ExampleResults {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

  private ExampleResults() {}

  /** The classify answer for {@code examples} examples; either output may be null. */
  @SuppressWarnings("unchecked")
  static byte[] classify(NdArray<?> classes, NdArray<?> scores, int examples) {
    check(classes, "classes", DType.STRING, examples);
    check(scores, "scores", DType.FLOAT32, examples);
    if (classes != null && scores != null && classes.shape().get(1) != scores.shape().get(1)) {
      throw ServingException.badRequest("Tensors class and score should match in dim_size(1). Got "
          + classes.shape().get(1) + " vs. " + scores.shape().get(1));
    }
    long count = (classes != null ? classes : scores).shape().get(1);
    return write(json -> {
      for (long i = 0; i < examples; i++) {
        json.writeStartArray();
        for (long c = 0; c < count; c++) {
          json.writeStartArray();
          json.writeString(classes == null ? "" : ((NdArray<String>) classes).getObject(i, c));
          json.writeNumber(scores == null ? 0f : ((NdArray<Float>) scores).getObject(i, c));
          json.writeEndArray();
        }
        json.writeEndArray();
      }
    });
  }

  /** The regress answer for {@code examples} examples. */
  @SuppressWarnings("unchecked")
  static byte[] regress(NdArray<?> outputs, int examples) {
    int rank = outputs.shape().numDimensions();
    if (!(rank == 1 || rank == 2 && outputs.shape().get(1) == 1)) {
      throw ServingException.badRequest("Expected output Tensor shape to be either [batch_size] or "
          + "[batch_size, 1] but got " + shape(outputs));
    }
    if (outputs.shape().get(0) != examples) {
      throw ServingException.badRequest("Input batch size did not match output batch size: "
          + examples + " vs. " + outputs.shape().get(0));
    }
    if (dtype(outputs) != DType.FLOAT32) {
      throw ServingException.badRequest("Expected output Tensor of DT_FLOAT.  Got: "
          + Metadata.dataType(dtype(outputs)));
    }
    return write(json -> {
      for (long i = 0; i < examples; i++) {
        json.writeNumber(rank == 1 ? ((NdArray<Float>) outputs).getObject(i)
            : ((NdArray<Float>) outputs).getObject(i, 0));
      }
    });
  }

  private static void check(NdArray<?> output, String name, DType expected, int examples) {
    if (output == null) {
      return;
    }
    if (output.shape().numDimensions() != 2) {
      throw ServingException.badRequest("Expected Tensor shape: [batch_size num_classes] but got "
          + shape(output));
    }
    if (dtype(output) != expected) {
      throw ServingException.badRequest("Expected " + name + " Tensor of "
          + Metadata.dataType(expected) + ". Got: " + Metadata.dataType(dtype(output)));
    }
    if (output.shape().get(0) != examples) {
      throw ServingException.badRequest("Expected " + name + " output batch size of " + examples
          + ". Got: " + output.shape().get(0));
    }
  }

  private static DType dtype(NdArray<?> output) {
    return HostTensors.dtypeOf(output).orElseThrow();
  }

  /** A shape as TensorFlow's {@code TensorShape::DebugString} prints it: {@code [2,3]}. */
  private static String shape(NdArray<?> output) {
    return LongStream.of(output.shape().asArray()).mapToObj(Long::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** What writes the elements of the {@code results} list. */
  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] write(Body results) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeFieldName("results");
      json.writeStartArray();
      results.write(json);
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
