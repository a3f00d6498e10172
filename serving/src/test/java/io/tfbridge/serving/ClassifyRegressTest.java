package io.tfbridge.serving;

import static io.tfbridge.serving.ModelServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.tensorflow.proto.BytesList;
import org.tensorflow.proto.Example;
import org.tensorflow.proto.Feature;
import org.tensorflow.proto.Features;
import org.tensorflow.proto.FloatList;
import org.tensorflow.proto.Int64List;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TF Serving's {@code :classify} and {@code :regress} over a SavedModel whose signatures parse
 * serialized {@code tf.Example}s (models/python/make_classify_savedmodel.py): the answers are the
 * ones TF gives in Python for the same requests, and bad requests get TF Serving's 400s.
 */
class ClassifyRegressTest {
  private static final Path CLASSIFY = Path.of("src/test/resources/classify");
  private static final String CAT = "{\"x\": [1.5, -0.5], \"n\": 3, \"word\": \"cat\"}";
  private final HttpClient http = HttpClient.newHttpClient();
  private ModelServer server;

  @TempDir
  Path base;

  @BeforeEach
  void serve() throws IOException {
    ModelServerTest.copyTree(CLASSIFY.resolve("model"), base.resolve("1"));
    server = ModelServer.start(ServerConfig.of("cls", base).port(0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> call(String method, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/v1/models/cls:" + method)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode results(String method, String body) throws Exception {
    HttpResponse<String> response = call(method, body);
    assertEquals(200, response.statusCode(), response.body());
    return PredictRequest.JSON.readTree(response.body()).get("results");
  }

  @Test
  void answersAreTfsInPythonForTheSameRequests() throws Exception {
    JsonNode golden = PredictRequest.JSON.readTree(CLASSIFY.resolve("golden.json").toFile());
    assertEquals(5, golden.size());
    for (JsonNode c : golden) {
      JsonNode expected = c.at("/response/results");
      JsonNode actual = results(c.get("method").asText(), c.get("request").toString());
      assertEquals(expected.size(), actual.size(), c.toString());
      for (int i = 0; i < expected.size(); i++) {
        if (c.get("method").asText().equals("regress")) {
          assertEquals(expected.get(i).doubleValue(), actual.get(i).doubleValue(), 1e-6);
          continue;
        }
        assertEquals(expected.get(i).size(), actual.get(i).size());
        for (int k = 0; k < expected.get(i).size(); k++) {
          assertEquals(expected.get(i).get(k).get(0).asText(), actual.get(i).get(k).get(0).asText());
          assertEquals(expected.get(i).get(k).get(1).doubleValue(),
              actual.get(i).get(k).get(1).doubleValue(), 1e-6, c.toString());
        }
      }
    }
  }

  @Test
  void contextFeaturesJoinEachExampleAndB64IsTheSameBytes() throws Exception {
    JsonNode whole = results("classify", "{\"examples\": [" + CAT + "]}");
    assertEquals(whole, results("classify", "{\"context\": {\"n\": 3, \"word\": \"cat\"}, "
        + "\"examples\": [{\"x\": [1.5, -0.5]}]}"));
    assertEquals(whole, results("classify", "{\"context\": {\"n\": 9}, \"examples\": [" + CAT
        + "]}"), "the example's own feature wins over the context's");
    String b64 = Base64.getEncoder().encodeToString("cat".getBytes());
    assertEquals(whole, results("classify", "{\"examples\": [{\"x\": [1.5, -0.5], \"n\": 3, "
        + "\"word\": {\"b64\": \"" + b64 + "\"}}]}"));
    assertEquals(whole, results("classify", "{\"signature_name\": \"\", \"examples\": [{\"x\": "
        + "[1.5, -0.5], \"n\": [3], \"word\": [\"cat\"]}]}"), "one-value lists, default signature");
    assertEquals(3, whole.get(0).size());
    assertEquals("positive", whole.get(0).get(2).get(0).asText());
  }

  @Test
  void predictFeedsB64BytesUnchanged() throws Exception {
    byte[] word = {(byte) 0xff, 0, (byte) 0xfe, (byte) 0x80, 'b', 'y', 't', 'e', 's'};
    Example example = Example.newBuilder().setFeatures(Features.newBuilder()
        .putFeature("x", Feature.newBuilder().setFloatList(FloatList.newBuilder()
            .addValue(0.75f).addValue(-0.25f)).build())
        .putFeature("n", Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(1))
            .build())
        .putFeature("word", Feature.newBuilder().setBytesList(BytesList.newBuilder()
            .addValue(ByteString.copyFrom(word))).build())).build();
    String encoded = Base64.getEncoder().encodeToString(example.toByteArray());
    HttpResponse<String> predicted = call("predict", "{\"signature_name\": \"predict\", "
        + "\"instances\": [{\"b64\": \"" + encoded + "\"}]}");
    assertEquals(200, predicted.statusCode(), predicted.body());
    JsonNode scores = PredictRequest.JSON.readTree(predicted.body()).at("/predictions/0");
    JsonNode classified = results("classify", "{\"examples\": [{\"x\": [0.75, -0.25], \"n\": 1, "
        + "\"word\": {\"b64\": \"" + Base64.getEncoder().encodeToString(word) + "\"}}]}").get(0);
    assertEquals(3, scores.size(), predicted.body());
    for (int k = 0; k < 3; k++) {
      assertEquals(classified.get(k).get(1).doubleValue(), scores.get(k).doubleValue(), 1e-7);
    }
  }

  @Test
  void aSignatureOfAnotherMethodIsRefusedWithTfServingsText() throws Exception {
    assertError(call("classify", "{\"signature_name\": \"predict\", \"examples\": [" + CAT + "]}"),
        400, "Expected classification signature method_name to be tensorflow/serving/classify. "
            + "Was: tensorflow/serving/predict");
    assertError(call("regress", "{\"examples\": [" + CAT + "]}"), 400, "Expected regression "
        + "signature method_name to be tensorflow/serving/regress. Was: tensorflow/serving/classify");
    assertError(call("classify", "{\"signature_name\": \"regress\", \"examples\": [" + CAT + "]}"),
        400, "Was: tensorflow/serving/regress");
    assertError(call("regress", "{\"signature_name\": \"nope\", \"examples\": [" + CAT + "]}"),
        400, "No signature was found with the name: nope");
  }

  @Test
  void badBodiesAndFeaturesGet400sNamingWhatIsWrong() throws Exception {
    assertError(call("classify", "{\"examples\": ["), 400, "JSON Parse error");
    assertError(call("classify", "{\"examples\": []}"), 400, "'examples' value is an empty array");
    assertError(call("regress", "{\"context\": {}}"), 400,
        "When method is regress, key 'examples' is expected and was not found");
    assertError(call("classify", "{\"examples\": {}}"), 400,
        "Expecting 'examples' value to be an list/array");
    assertError(call("classify", "{\"signature_name\": 5, \"examples\": [" + CAT + "]}"), 400,
        "'signature_name' key must be a string value.");
    assertError(call("classify", "{\"examples\": [[1, 2]]}"), 400,
        "Example must be JSON object but got JSON Array");
    assertError(call("classify", "{\"context\": \"x\", \"examples\": [" + CAT + "]}"), 400,
        "Example must be JSON object but got JSON String");
    assertError(call("classify", "{\"examples\": [{\"n\": null}]}"), 400,
        "Feature: n has element with unexpected JSON type: Null");
    assertError(call("classify", "{\"examples\": [{\"x\": [[1.5, 2.5]]}]}"), 400,
        "Feature: x has element with unexpected JSON type: Array");
    assertError(call("classify", "{\"examples\": [{\"x\": {\"a\": 1}}]}"), 400,
        "Feature: x has element with unexpected JSON type: Object");
    assertError(call("classify", "{\"examples\": [{\"x\": [1.5, 2]}]}"), 400,
        "Unexpected element type in feature: x expecting type: float");
    assertError(call("classify", "{\"examples\": [{\"n\": 18446744073709551615}]}"), 400,
        "Feature: n has uint64_t element. Only int64_t is supported.");
    assertError(call("classify", "{\"examples\": [{\"word\": {\"b64\": \"%%%\"}}]}"), 400,
        "Unable to base64 decode");
  }

  @Test
  void featuresTheModelCannotParseAre400sFromTensorFlow() throws Exception {
    assertError(call("classify", "{\"examples\": [{\"x\": [1.5, -0.5], \"word\": \"cat\"}]}"),
        400, "Feature: n (data type: int64) is required but could not be found");
    assertError(call("regress", "{\"signature_name\": \"regress\", \"examples\": [{\"x\": [1, 2], "
        + "\"n\": 3, \"word\": \"cat\"}]}"), 400, "Key: x");
    assertEquals(1, results("classify", "{\"examples\": [" + CAT + "]}").size(),
        "still answers after the errors");
  }

  @Test
  void metadataShowsTheSignaturesMethods() throws Exception {
    JsonNode defs = PredictRequest.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + server.port() + "/v1/models/cls/metadata")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).at("/metadata/signature_def/signature_def");
    assertEquals("tensorflow/serving/classify", defs.at("/serving_default/method_name").asText());
    assertEquals("tensorflow/serving/classify", defs.at("/scores_only/method_name").asText());
    assertEquals("tensorflow/serving/regress", defs.at("/regress/method_name").asText());
    assertEquals("tensorflow/serving/predict", defs.at("/predict/method_name").asText());
    assertEquals("DT_STRING", defs.at("/serving_default/inputs/inputs/dtype").asText());
  }
}
