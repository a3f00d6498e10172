package io.tfbridge.distribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Graph;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Gives ops without a device the device of their replica, chosen by op-name prefix, and reads back
 * where ops ran.
 *
 * <p>Why: {@code tf.withDevice(...)} places the ops a replica's forward pass builds, but the ops
 * {@code Graph.addGradients} makes carry no device, and most land on CPU:0. Building each replica's
 * gradients under its own prefix ({@code graph.addGradients("replica_1/gradients", ...)}), then
 * {@link #place placing} the GraphDef and {@link #importGraph importing} it into a fresh Graph, puts
 * them on the replica's device. Ops that already have a device are left alone.
 *
 * <p>Device strings that work: {@code /job:localhost/replica:0/task:0/device:CPU:1} in-process (with
 * {@code ConfigProto.newBuilder().putDeviceCount("CPU", n)}), and
 * {@code /job:worker/replica:0/task:1/device:CPU:0} in a cluster.
 *
 * <p>{@link #stepDevices} turns the step stats of a run made with
 * {@code RunOptions.TraceLevel.FULL_TRACE} ({@code runner.setOptions(...).runAndFetchMetadata()}) into
 * the node names that ran on each device.
 */
public final class DevicePlacement {
  private DevicePlacement() {}

  /**
   * The graph's GraphDef with {@code device} set on every node whose device is empty and whose name
   * starts with one of the prefixes; the longest matching prefix wins.
   *
   * @param prefixToDevice e.g. {@code "replica_1/" -> "/job:localhost/replica:0/task:0/device:CPU:1"}
   */
  public static GraphDef place(Graph graph, Map<String, String> prefixToDevice) {
    return place(graph.toGraphDef(), prefixToDevice);
  }

  /** {@link #place(Graph, Map)} on a GraphDef. */
  public static GraphDef place(GraphDef graphDef, Map<String, String> prefixToDevice) {
    return place(graphDef, prefixToDevice, null);
  }

  /**
   * {@link #place(GraphDef, Map)}, and nodes without a device that no prefix matches get
   * {@code otherDevice} (unless it is null or empty): in a cluster, the chief's device for the
   * variables and the optimizer, which TensorFlow would otherwise place on any task.
   */
  public static GraphDef place(GraphDef graphDef, Map<String, String> prefixToDevice,
      String otherDevice) {
    checkPrefixes(prefixToDevice);
    String fallback = otherDevice == null || otherDevice.isEmpty() ? null : otherDevice;
    GraphDef.Builder placed = graphDef.toBuilder();
    for (int i = 0; i < placed.getNodeCount(); i++) {
      NodeDef node = placed.getNode(i);
      if (!node.getDevice().isEmpty()) {
        continue;
      }
      String device = deviceFor(node.getName(), prefixToDevice);
      device = device != null ? device : fallback;
      if (device != null) {
        placed.setNode(i, node.toBuilder().setDevice(device));
      }
    }
    return placed.build();
  }

  /** A new Graph holding {@code graphDef}; the caller owns (closes) it. */
  public static Graph importGraph(GraphDef graphDef) {
    Graph graph = new Graph();
    try {
      graph.importGraphDef(graphDef);
      return graph;
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** {@link #importGraph} of {@link #place(Graph, Map)}: a new, placed copy of {@code graph}. */
  public static Graph placedCopy(Graph graph, Map<String, String> prefixToDevice) {
    return importGraph(place(graph, prefixToDevice));
  }

  /**
   * Per device (as TensorFlow names it in the step stats, e.g.
   * {@code /job:localhost/replica:0/task:0/device:CPU:1}), the names of the nodes that ran there, in
   * step-stats order, without duplicates. Empty when the run was not traced.
   */
  public static Map<String, List<String>> stepDevices(RunMetadata metadata) {
    Map<String, List<String>> byDevice = new LinkedHashMap<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      List<String> nodes = byDevice.computeIfAbsent(device.getDevice(), d -> new ArrayList<>());
      for (NodeExecStats node : device.getNodeStatsList()) {
        if (!nodes.contains(node.getNodeName())) {
          nodes.add(node.getNodeName());
        }
      }
    }
    return byDevice;
  }

  /**
   * The devices on which graph nodes named {@code prefix...} ran, from {@link #stepDevices}: a replica
   * whose ops all ran where they were placed yields exactly one device. Nodes the runtime adds are
   * ignored (see {@link #isRuntimeNode}): a Recv named {@code replica_1/MatMul/_7} runs on the device
   * that receives the tensor, not on the replica's.
   */
  public static List<String> devicesOf(Map<String, List<String>> stepDevices, String prefix) {
    List<String> devices = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : stepDevices.entrySet()) {
      if (entry.getValue().stream().anyMatch(n -> n.startsWith(prefix) && !isRuntimeNode(n))) {
        devices.add(entry.getKey());
      }
    }
    return devices;
  }

  /**
   * Whether a step-stats node name is one the runtime added rather than a graph op: TensorFlow starts
   * those names, or their last path component, with an underscore ({@code _SOURCE},
   * {@code _arg_replica_0/x_0_1} and {@code _retval_...} for feeds and fetches, {@code op/_7} and
   * {@code op/ctrl/_4} for cross-device Send/Recv).
   */
  public static boolean isRuntimeNode(String nodeName) {
    return nodeName.startsWith("_") || nodeName.contains("/_");
  }

  private static String deviceFor(String name, Map<String, String> prefixToDevice) {
    String best = null;
    for (String prefix : prefixToDevice.keySet()) {
      if (name.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : prefixToDevice.get(best);
  }

  private static void checkPrefixes(Map<String, String> prefixToDevice) {
    Objects.requireNonNull(prefixToDevice, "prefixToDevice");
    for (Map.Entry<String, String> e : prefixToDevice.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty()) {
        throw new IllegalArgumentException("Expected a non-empty op-name prefix, found " + e.getKey()
            + " (mapped to " + e.getValue() + ")");
      }
      if (e.getValue() == null || !e.getValue().startsWith("/")) {
        throw new IllegalArgumentException("Expected a device such as "
            + "\"/job:localhost/replica:0/task:0/device:CPU:1\" for prefix \"" + e.getKey() + "\", found "
            + e.getValue());
      }
    }
  }
}
