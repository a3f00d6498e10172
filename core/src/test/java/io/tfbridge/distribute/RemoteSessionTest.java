package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.op.math.Add;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * A two-task cluster on 127.0.0.1 in this JVM: a constant placed on {@code /job:worker/task:1} runs
 * there when the graph is run through a {@link RemoteSession} on task 0's target.
 *
 * <p>The servers cannot be stopped (TF Java 1.1.0); they live until this test JVM exits.
 */
class RemoteSessionTest {
  static WorkerServer task0;
  static WorkerServer task1;

  @BeforeAll
  static void startCluster() {
    String json = "{\"cluster\": {\"worker\": [\"127.0.0.1:" + freePort() + "\", \"127.0.0.1:" + freePort()
        + "\"]}, \"task\": {\"type\": \"worker\", \"index\": %d}}";
    task0 = WorkerServer.start(TfConfig.parse(String.format(json, 0)));
    task1 = WorkerServer.start(TfConfig.parse(String.format(json, 1)));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DeviceSpec workerCpu(int task) {
    return DeviceSpec.newBuilder().job("worker").replica(0).task(task)
        .deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build();
  }

  @Test
  void opPlacedOnTask1RunsThere() {
    assertEquals("/job:worker/replica:0/task:1", task1.device());
    assertTrue(task0.target().startsWith("grpc://127.0.0.1:"), task0.target());
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    // a leaked Graph.Reference would make Graph.close() wait forever: bound the whole test
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      try (Graph graph = new Graph()) {
        Ops tf = Ops.create(graph);
        Constant<TFloat32> remote = tf.withDevice(workerCpu(1)).withName("on_task1").constant(40f);
        Add<TFloat32> sum = tf.withDevice(workerCpu(0)).withName("on_task0").math.add(remote,
            tf.withDevice(workerCpu(0)).constant(2f));
        try (Session session = RemoteSession.open(graph, task0.target(), null);
            Result result = session.runner().setOptions(trace).fetch(sum).runAndFetchMetadata()) {
          assertEquals(42f, ((TFloat32) result.get(0)).getFloat(), 0f);
          assertTask1(result.getMetadata().orElseThrow());
        }
      }
    });
  }

  static void assertTask1(RunMetadata metadata) {
    Map<String, List<String>> byDevice = DevicePlacement.stepDevices(metadata);
    List<String> devices = DevicePlacement.devicesOf(byDevice, "on_task1");
    assertEquals(1, devices.size(), "on_task1 ran on " + devices + "; step stats: " + byDevice);
    assertTrue(devices.get(0).startsWith("/job:worker/replica:0/task:1/"), devices.get(0));
    List<String> sumDevices = DevicePlacement.devicesOf(byDevice, "on_task0");
    assertTrue(sumDevices.get(0).startsWith("/job:worker/replica:0/task:0/"), sumDevices.toString());
  }

  @Test
  void refusesTargetsThatAreNotGrpc() {
    try (Graph graph = new Graph()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RemoteSession.open(graph, "127.0.0.1:2222", null));
      assertTrue(e.getMessage().contains("\"grpc://host:port\", found: 127.0.0.1:2222"), e.getMessage());
    }
  }

  @Test
  void refusesAClosedGraph() {
    Graph graph = new Graph();
    graph.close();
    assertThrows(IllegalStateException.class, () -> RemoteSession.open(graph, task0.target(), null));
  }
}
