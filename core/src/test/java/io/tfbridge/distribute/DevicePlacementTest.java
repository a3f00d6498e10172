package io.tfbridge.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;

/**
 * Two replicas on two logical CPUs: the forward MatMul is placed with {@code withDevice}, the gradients
 * {@code addGradients} makes are placed by {@link DevicePlacement}, and FULL_TRACE step stats show each
 * replica's forward and backward ops on its own device.
 */
class DevicePlacementTest {
  static final int REPLICAS = 2;
  static final float[][] X = {{1, 2, 3}, {4, 5, 6}};
  static final float[][] W = {{1, 0}, {0, 1}, {1, 1}};

  static String cpu(int index) {
    return "/job:localhost/replica:0/task:0/device:CPU:" + index;
  }

  /** Builds replica_r/{x, w, MatMul, Sum} on CPU:r and replica_r/gradients (no device); returns grad names. */
  static String[] buildReplicas(Graph graph) {
    Ops tf = Ops.create(graph);
    String[] gradNames = new String[REPLICAS];
    for (int r = 0; r < REPLICAS; r++) {
      Ops rt = tf.withSubScope("replica_" + r)
          .withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(r).build());
      Placeholder<TFloat32> x = rt.withName("x").placeholder(TFloat32.class);
      Placeholder<TFloat32> w = rt.withName("w").placeholder(TFloat32.class);
      Output<TFloat32> loss = rt.sum(rt.linalg.matMul(x, w), rt.constant(new int[] {0, 1})).output();
      Output<?>[] grads = graph.addGradients("replica_" + r + "/gradients", new Output<?>[] {loss},
          new Output<?>[] {w.output()}, null);
      gradNames[r] = grads[0].op().name();
    }
    return gradNames;
  }

  @Test
  void gradientOpsRunOnTheirReplicaDevice() {
    Map<String, String> placement = Map.of("replica_0/", cpu(0), "replica_1/", cpu(1));
    ConfigProto config = ConfigProto.newBuilder().putDeviceCount("CPU", REPLICAS).build();
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    try (Graph built = new Graph()) {
      String[] gradNames = buildReplicas(built);
      assertUnplacedGradients(built.toGraphDef());
      try (Graph placed = DevicePlacement.placedCopy(built, placement);
          Session session = new Session(placed, config);
          TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(X));
          TFloat32 w = TFloat32.tensorOf(StdArrays.ndCopyOf(W))) {
        Session.Runner runner = session.runner().setOptions(trace);
        for (int r = 0; r < REPLICAS; r++) {
          runner.feed("replica_" + r + "/x", x).feed("replica_" + r + "/w", w).fetch(gradNames[r]);
        }
        try (Result result = runner.runAndFetchMetadata()) {
          for (int r = 0; r < REPLICAS; r++) {
            assertGradient((TFloat32) result.get(r));
          }
          assertReplicaDevices(result.getMetadata().orElseThrow());
        }
      }
    }
  }

  /** Before placement: forward ops carry their device, gradient ops none. */
  static void assertUnplacedGradients(GraphDef def) {
    int gradients = 0;
    for (NodeDef node : def.getNodeList()) {
      if (node.getName().contains("/gradients/")) {
        assertEquals("", node.getDevice(), node.getName());
        gradients++;
      } else if (node.getName().startsWith("replica_1/")) {
        assertTrue(node.getDevice().endsWith("CPU:1"), node.getName() + " on " + node.getDevice());
      }
    }
    assertTrue(gradients >= 2 * REPLICAS, "gradient nodes: " + gradients);
  }

  /** d sum(x w) / dw = column sums of x, repeated per output column. */
  static void assertGradient(TFloat32 grad) {
    float[][] expected = {{5, 5}, {7, 7}, {9, 9}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(expected[i][j], grad.getFloat(i, j), 1e-6f);
      }
    }
  }

  static void assertReplicaDevices(RunMetadata metadata) {
    Map<String, List<String>> byDevice = DevicePlacement.stepDevices(metadata);
    for (int r = 0; r < REPLICAS; r++) {
      String replica = "replica_" + r + "/";
      assertEquals(List.of(cpu(r)), DevicePlacement.devicesOf(byDevice, replica), "devices of " + replica
          + " in " + byDevice);
      List<String> ran = byDevice.get(cpu(r));
      assertTrue(ran.contains(replica + "MatMul"), "forward MatMul of " + replica + " in " + ran);
      long backward = ran.stream().filter(n -> n.startsWith(replica + "gradients/")).count();
      assertTrue(backward >= 2, "gradient ops of " + replica + " on " + cpu(r) + ": " + ran);
    }
  }

  @Test
  void placeKeepsExistingDevicesAndPrefersTheLongestPrefix() {
    GraphDef def = GraphDef.newBuilder()
        .addNode(NodeDef.newBuilder().setName("a/b/op").setOp("NoOp"))
        .addNode(NodeDef.newBuilder().setName("a/op").setOp("NoOp"))
        .addNode(NodeDef.newBuilder().setName("a/fixed").setOp("NoOp").setDevice("/device:CPU:7"))
        .addNode(NodeDef.newBuilder().setName("other").setOp("NoOp"))
        .build();
    GraphDef placed = DevicePlacement.place(def, Map.of("a/", cpu(0), "a/b/", cpu(1)));
    assertEquals(cpu(1), placed.getNode(0).getDevice());
    assertEquals(cpu(0), placed.getNode(1).getDevice());
    assertEquals("/device:CPU:7", placed.getNode(2).getDevice());
    assertEquals("", placed.getNode(3).getDevice());
  }

  @Test
  void stepDevicesGroupsNodeNamesAndDevicesOfSkipsRuntimeNodes() {
    RunMetadata metadata = RunMetadata.newBuilder().setStepStats(StepStats.newBuilder()
        .addDevStats(DeviceStepStats.newBuilder().setDevice(cpu(0))
            .addNodeStats(NodeExecStats.newBuilder().setNodeName("_arg_replica_1/x_0_3"))
            .addNodeStats(NodeExecStats.newBuilder().setNodeName("replica_1/MatMul/_7"))
            .addNodeStats(NodeExecStats.newBuilder().setNodeName("replica_0/MatMul")))
        .addDevStats(DeviceStepStats.newBuilder().setDevice(cpu(1))
            .addNodeStats(NodeExecStats.newBuilder().setNodeName("replica_1/MatMul"))
            .addNodeStats(NodeExecStats.newBuilder().setNodeName("replica_1/MatMul"))))
        .build();
    Map<String, List<String>> byDevice = DevicePlacement.stepDevices(metadata);
    assertEquals(List.of("replica_1/MatMul"), byDevice.get(cpu(1)));
    assertEquals(3, byDevice.get(cpu(0)).size());
    assertEquals(List.of(cpu(1)), DevicePlacement.devicesOf(byDevice, "replica_1/"));
    assertEquals(List.of(cpu(0)), DevicePlacement.devicesOf(byDevice, "replica_0/"));
    assertTrue(DevicePlacement.stepDevices(RunMetadata.getDefaultInstance()).isEmpty());
  }

  @Test
  void badPlacementMapsAreRefused() {
    GraphDef def = GraphDef.getDefaultInstance();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DevicePlacement.place(def, Map.of("replica_0/", "CPU:0")));
    assertTrue(e.getMessage().contains("for prefix \"replica_0/\", found CPU:0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DevicePlacement.place(def, Map.of("", cpu(0))));
    assertTrue(e.getMessage().contains("non-empty op-name prefix"), e.getMessage());
  }
}
