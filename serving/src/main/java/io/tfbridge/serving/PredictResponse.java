package io.tfbridge.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.tensorflow.ndarray.NdArray;

/**
 * A {@code :predict} answer as TF Serving writes it, streamed: {@code predictions} (one element per
 * example: the value for one output, an object by output name for several) for a row request,
 * {@code outputs} (the value, or an object by output name) for a columnar one. NaN and Infinity are
 * written bare, as TF Serving does.
 */
final class PredictResponse {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

  private PredictResponse() {}

  /** The body answering a request in row ({@code rowFormat}) or columnar form. */
  static byte[] write(Map<String, NdArray<?>> outputs, boolean rowFormat) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      if (rowFormat) {
        json.writeFieldName("predictions");
        rows(json, outputs);
      } else {
        json.writeFieldName("outputs");
        columns(json, outputs);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void columns(JsonGenerator json, Map<String, NdArray<?>> outputs)
      throws IOException {
    if (outputs.size() == 1) {
      value(json, outputs.values().iterator().next(), new long[0]);
      return;
    }
    json.writeStartObject();
    for (Map.Entry<String, NdArray<?>> e : outputs.entrySet()) {
      json.writeFieldName(e.getKey());
      value(json, e.getValue(), new long[0]);
    }
    json.writeEndObject();
  }

  private static void rows(JsonGenerator json, Map<String, NdArray<?>> outputs) throws IOException {
    long batch = outputs.values().iterator().next().shape().get(0);
    json.writeStartArray();
    for (long i = 0; i < batch; i++) {
      if (outputs.size() == 1) {
        value(json, outputs.values().iterator().next(), new long[] {i});
        continue;
      }
      json.writeStartObject();
      for (Map.Entry<String, NdArray<?>> e : outputs.entrySet()) {
        json.writeFieldName(e.getKey());
        value(json, e.getValue(), new long[] {i});
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Writes the part of {@code array} at {@code prefix}: a scalar, or nested lists. */
  private static void value(JsonGenerator json, NdArray<?> array, long[] prefix)
      throws IOException {
    int rank = array.shape().numDimensions();
    if (prefix.length == rank) {
      scalar(json, array.getObject(prefix));
      return;
    }
    json.writeStartArray();
    long size = array.shape().get(prefix.length);
    long[] index = java.util.Arrays.copyOf(prefix, prefix.length + 1);
    for (long i = 0; i < size; i++) {
      index[prefix.length] = i;
      value(json, array, index);
    }
    json.writeEndArray();
  }

  private static void scalar(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Float f) {
      json.writeNumber(f);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof Integer i) {
      json.writeNumber(i);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Byte b) {
      json.writeNumber(b & 0xff);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
