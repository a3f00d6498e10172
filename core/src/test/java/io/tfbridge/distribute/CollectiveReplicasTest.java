package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.layers.Dense;
import io.tfbridge.models.Sequential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ServerDef;

/** What each task of the collective MultiWorkerMirroredStrategy compiles with (no cluster started). */
class CollectiveReplicasTest {
  private static final String JSON = "{\"cluster\": {\"worker\": [\"127.0.0.1:1001\", \"127.0.0.1:1002\", "
      + "\"127.0.0.1:1003\"]}, \"task\": {\"type\": \"worker\", \"index\": %d}}";

  @Test
  void eachTaskHasOneReplicaOnItsOwnServer() {
    MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(TfConfig.parse(String.format(JSON, 2)))
        .operationTimeout(Duration.ofSeconds(30));
    assertTrue(strategy.isCollective());
    Replicas replicas = strategy.replicas();
    String device = "/job:worker/replica:0/task:2/device:CPU:0";
    assertEquals(List.of(device), replicas.devices());
    assertEquals(device, replicas.hostDevice());
    assertEquals("grpc://127.0.0.1:1003", replicas.target());
    assertEquals(List.of("/job:worker/task:2"), replicas.config().getDeviceFiltersList());
    assertEquals(30_000, replicas.config().getOperationTimeoutInMs());
    assertEquals("/job:worker/replica:0/task:0", replicas.config().getExperimental().getCollectiveGroupLeader());
    assertEquals(new CollectiveGroup(3, 2, CollectiveGroup.DEFAULT_GROUP_KEY, 30,
        List.of(new CollectiveGroup.Member("worker:0", "127.0.0.1:1001"),
            new CollectiveGroup.Member("worker:1", "127.0.0.1:1002"),
            new CollectiveGroup.Member("worker:2", "127.0.0.1:1003"))), replicas.collective());
    assertEquals(3, strategy.numReplicasInSync());
  }

  @Test
  void inGraphKeepsOneReplicaPerWorkerOnTheChief() {
    MultiWorkerMirroredStrategy strategy =
        MultiWorkerMirroredStrategy.of(TfConfig.parse(String.format(JSON, 0))).inGraph();
    assertFalse(strategy.isCollective());
    assertEquals(3, strategy.replicas().count());
    assertNull(strategy.replicas().collective());
    assertEquals(3, strategy.numReplicasInSync());
  }

  @Test
  void theServerNamesTheCollectiveGroupLeader() {
    ServerDef def = WorkerServer.serverDef(TfConfig.parse(String.format(JSON, 1)), null);
    assertEquals("/job:worker/replica:0/task:0",
        def.getDefaultSessionConfig().getExperimental().getCollectiveGroupLeader());
  }

  @Test
  void aChiefJobIsTheGroupsFirstTask() {
    String cluster = "{\"cluster\": {\"chief\": [\"127.0.0.1:1\"], \"worker\": [\"127.0.0.1:2\", "
        + "\"127.0.0.1:3\"]}, \"task\": {\"type\": \"%s\", \"index\": %d}}";
    Replicas chief = MultiWorkerMirroredStrategy.of(TfConfig.parse(String.format(cluster, "chief", 0)))
        .replicas();
    assertEquals(List.of("/job:chief/replica:0/task:0/device:CPU:0"), chief.devices());
    assertEquals(0, chief.collective().task());
    assertTrue(chief.collective().isChief());
    Replicas worker = MultiWorkerMirroredStrategy.of(TfConfig.parse(String.format(cluster, "worker", 1)))
        .replicas();
    assertEquals(List.of("/job:worker/replica:0/task:1/device:CPU:0"), worker.devices());
    assertEquals(List.of("/job:worker/task:1"), worker.config().getDeviceFiltersList());
    assertEquals(3, worker.inSync());
    assertEquals(2, worker.collective().task());
    assertEquals("worker:1", worker.collective().name());
    assertEquals("/job:chief/replica:0/task:0",
        worker.config().getExperimental().getCollectiveGroupLeader());
  }

  @Test
  void otherJobsAreRefusedWithTheClusterFound() {
    TfConfig config = TfConfig.parse("{\"cluster\": {\"ps\": [\"127.0.0.1:1\"], \"worker\": "
        + "[\"127.0.0.1:2\"]}, \"task\": {\"type\": \"worker\", \"index\": 0}}");
    var e = assertThrows(IllegalStateException.class, () -> MultiWorkerMirroredStrategy.of(config).replicas());
    assertTrue(e.getMessage().contains("expects a \"worker\" job and at most one \"chief\" task, found jobs "
        + "{ps=[127.0.0.1:1], worker=[127.0.0.1:2]}"), e.getMessage());
  }

  @Test
  void aCollectiveModelNeedsASeed() {
    try (Strategy.Scope scope = MultiWorkerMirroredStrategy.of(TfConfig.parse(String.format(JSON, 1))).scope()) {
      var e = assertThrows(IllegalStateException.class,
          () -> Sequential.of(Dense.of(2).inputShape(3)).compile("sgd", "mse"));
      assertTrue(e.getMessage().contains("give the model the same seed on every task"), e.getMessage());
    }
  }

  @Test
  void aTaskSharesTheBatchContiguously() {
    assertEquals(List.of(0, 2), List.of(new CollectiveGroup(3, 0, 1, 1).share(8)[0],
        new CollectiveGroup(3, 0, 1, 1).share(8)[1]));
    int[] last = new CollectiveGroup(3, 2, 1, 1).share(8);
    assertEquals(List.of(5, 8), List.of(last[0], last[1]));
    assertThrows(IllegalArgumentException.class, () -> new CollectiveGroup(2, 2, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new CollectiveGroup(2, 0, 1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new CollectiveGroup(2, 0, 1, 1, List.of(new CollectiveGroup.Member("worker:0", "a:1"))));
  }

  @Test
  void aFailedStepNamesTheTasksThatDoNotAnswer() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    String dead;
    try (ServerSocket closed = new ServerSocket(0, 1, loopback)) {
      dead = "127.0.0.1:" + closed.getLocalPort();
    }
    try (ServerSocket up = new ServerSocket(0, 1, loopback)) {
      String live = "127.0.0.1:" + up.getLocalPort();
      // task 0 is this one: never probed
      List<CollectiveGroup.Member> members = List.of(new CollectiveGroup.Member("chief:0", dead),
          new CollectiveGroup.Member("worker:0", live), new CollectiveGroup.Member("worker:1", dead));
      assertEquals(List.of("worker:1 at " + dead), new CollectiveGroup(3, 0, 1, 1, members).unreachableTasks());
      assertEquals(List.of(), new CollectiveGroup(3, 0, 1, 1).unreachableTasks(), "addresses unknown");
    }
  }
}
