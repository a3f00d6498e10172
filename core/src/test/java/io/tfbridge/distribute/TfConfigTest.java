package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ServerDef;

/** TF_CONFIG parsing, the chief rule, targets, the ServerDef built from it, and every error message. */
class TfConfigTest {
  static final String TWO_WORKERS =
      "{\"cluster\": {\"worker\": [\"10.0.0.1:2222\", \"10.0.0.2:2223\"]}, \"task\": {\"type\": \"worker\", "
          + "\"index\": %d}}";

  @Test
  void parsesWorkersTaskAndTargets() {
    TfConfig c = TfConfig.parse(String.format(TWO_WORKERS, 1));
    assertEquals(List.of("10.0.0.1:2222", "10.0.0.2:2223"), c.workers());
    assertEquals(2, c.numWorkers());
    assertEquals("worker", c.taskType());
    assertEquals(1, c.taskIndex());
    assertFalse(c.isChief());
    assertEquals("10.0.0.2:2223", c.address());
    assertEquals("grpc://10.0.0.2:2223", c.target());
    assertEquals("grpc://10.0.0.1:2222", c.target("worker", 0));
    assertEquals("/job:worker/replica:0/task:1", TfConfig.taskDevice("worker", 1));
    assertTrue(TfConfig.parse(String.format(TWO_WORKERS, 0)).isChief());
  }

  @Test
  void chiefJobTakesPrecedenceOverWorkerZero() {
    String json = "{\"cluster\": {\"chief\": [\"h:1\"], \"worker\": [\"h:2\", \"h:3\"]},"
        + " \"task\": {\"type\": \"%s\", \"index\": 0}}";
    assertTrue(TfConfig.parse(String.format(json, "chief")).isChief());
    assertFalse(TfConfig.parse(String.format(json, "worker")).isChief());
    assertEquals(List.of("chief", "worker"), List.copyOf(TfConfig.parse(String.format(json, "chief"))
        .cluster().keySet()));
  }

  @Test
  void fromEnvironmentIsEmptyWhenUnset() {
    assertTrue(TfConfig.fromEnvironment(Map.of()).isEmpty());
    assertTrue(TfConfig.fromEnvironment(Map.of("TF_CONFIG", "  ")).isEmpty());
    assertEquals(1, TfConfig.fromEnvironment(Map.of("TF_CONFIG", String.format(TWO_WORKERS, 1)))
        .orElseThrow().taskIndex());
  }

  @Test
  void serverDefHoldsTheClusterAndTask() {
    ServerDef def = WorkerServer.serverDef(TfConfig.parse(String.format(TWO_WORKERS, 1)), null);
    assertEquals("worker", def.getJobName());
    assertEquals(1, def.getTaskIndex());
    assertEquals("grpc", def.getProtocol());
    assertEquals(Map.of(0, "10.0.0.1:2222", 1, "10.0.0.2:2223"), def.getCluster().getJob(0).getTasksMap());
  }

  @Test
  void malformedJson() {
    assertError("{\"cluster\": ", "malformed JSON");
    assertError("[1, 2]", "expected a JSON object, found: [1, 2]");
    assertError("", "found an empty string");
  }

  @Test
  void missingClusterOrWorker() {
    assertError("{\"task\": {\"type\": \"worker\", \"index\": 0}}", "\"cluster\"");
    assertError("{\"cluster\": {\"ps\": [\"h:1\"]}, \"task\": {\"type\": \"ps\", \"index\": 0}}",
        "non-empty \"worker\" list in \"cluster\", found jobs [ps]");
    assertError("{\"cluster\": {\"worker\": []}, \"task\": {\"type\": \"worker\", \"index\": 0}}",
        "non-empty \"worker\"");
    assertError("{\"cluster\": {\"worker\": [\"h:1\"]}}", "expected \"task\"");
  }

  @Test
  void badAddresses() {
    assertError("{\"cluster\": {\"worker\": [\"nohost\"]}, \"task\": {\"type\": \"worker\", \"index\": 0}}",
        "found \"nohost\"");
    assertError("{\"cluster\": {\"worker\": [\"h:99999\"]}, \"task\": {\"type\": \"worker\", \"index\": 0}}",
        "found \"h:99999\"");
    assertError("{\"cluster\": {\"worker\": \"h:1\"}, \"task\": {\"type\": \"worker\", \"index\": 0}}",
        "list of \"host:port\" strings, found \"h:1\"");
  }

  @Test
  void indexOutOfRange() {
    assertError(String.format(TWO_WORKERS, 2),
        "task index 2 out of range for job \"worker\" with 2 task(s); expected 0..1");
    assertError(String.format(TWO_WORKERS, -1), "task index -1 out of range");
    assertError(TWO_WORKERS.replace("%d", "\"one\""), "\"index\" to be an integer, found \"one\"");
  }

  @Test
  void unknownTaskType() {
    assertError(String.format(TWO_WORKERS, 0).replace("\"type\": \"worker\"", "\"type\": \"evaluator\""),
        "unknown task type \"evaluator\"; expected one of the cluster's jobs [worker]");
  }

  private static void assertError(String json, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfConfig.parse(json));
    assertTrue(e.getMessage().startsWith("TF_CONFIG"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
  }
}
