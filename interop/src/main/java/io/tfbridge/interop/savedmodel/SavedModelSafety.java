package io.tfbridge.interop.savedmodel;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Checks a SavedModel's meta graph for {@link UnsafeOps} before TensorFlow loads it: every node of
 * the graph and of every function in its library. The SavedModel's own saver (the nodes behind its
 * {@code saver_def} save tensor and restore op, and the functions only they call) may hold
 * checkpoint ops: the loader runs them to restore the variables.
 */
final class SavedModelSafety {
  private static final int LISTED = 5;

  private final MetaGraphDef graph;
  private final Map<String, FunctionDef> functions = new HashMap<>();

  private SavedModelSafety(MetaGraphDef graph) {
    this.graph = graph;
    graph.getGraphDef().getLibrary().getFunctionList()
        .forEach(f -> functions.put(f.getSignature().getName(), f));
  }

  /**
   * Refuses a meta graph holding an unsafe op.
   *
   * @throws UnsafeModelException naming each unsafe op (up to five), its reason and the function or
   *     graph node it is in
   */
  static void check(Path dir, MetaGraphDef graph) {
    List<String> found = new SavedModelSafety(graph).findings();
    if (!found.isEmpty()) {
      throw new UnsafeModelException(dir, found);
    }
  }

  private List<String> findings() {
    Set<String> loaderNodes = loaderNodes();
    Set<String> served = new HashSet<>();
    Set<String> loader = new HashSet<>();
    for (NodeDef node : graph.getGraphDef().getNodeList()) {
      reach(node, loaderNodes.contains(node.getName()) ? loader : served);
    }
    List<String> found = new ArrayList<>();
    for (NodeDef node : graph.getGraphDef().getNodeList()) {
      boolean saver = loaderNodes.contains(node.getName());
      finding(node, saver, "graph node '" + node.getName() + "'").ifPresent(found::add);
    }
    for (FunctionDef f : functions.values()) {
      boolean saver = loader.contains(name(f)) && !served.contains(name(f));
      for (NodeDef node : f.getNodeDefList()) {
        finding(node, saver, "node '" + node.getName() + "' of function '" + name(f) + "'")
            .ifPresent(found::add);
      }
    }
    return found.stream().sorted().limit(LISTED).toList();
  }

  private static Optional<String> finding(NodeDef node, boolean saver, String where) {
    if (saver && UnsafeOps.isCheckpointOp(node.getOp())) {
      return Optional.empty();
    }
    return UnsafeOps.reason(node).map(why -> node.getOp() + " (" + why + ") in " + where);
  }

  /** The graph nodes the saver's save tensor and restore op depend on. */
  private Set<String> loaderNodes() {
    Map<String, NodeDef> byName = new HashMap<>();
    graph.getGraphDef().getNodeList().forEach(n -> byName.put(n.getName(), n));
    Deque<String> todo = new ArrayDeque<>();
    todo.add(nodeName(graph.getSaverDef().getSaveTensorName()));
    todo.add(nodeName(graph.getSaverDef().getRestoreOpName()));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      NodeDef node = byName.get(todo.pop());
      if (node != null && seen.add(node.getName())) {
        node.getInputList().forEach(input -> todo.add(nodeName(input)));
      }
    }
    return seen;
  }

  /** Adds to {@code reached} every function {@code node} calls, directly or through others. */
  private void reach(NodeDef node, Set<String> reached) {
    for (String called : calls(node)) {
      FunctionDef f = functions.get(called);
      if (f != null && reached.add(called)) {
        f.getNodeDefList().forEach(n -> reach(n, reached));
      }
    }
  }

  /** The functions a node names: as its op, or in a function-valued attribute. */
  private static List<String> calls(NodeDef node) {
    List<String> names = new ArrayList<>();
    names.add(node.getOp());
    for (AttrValue value : node.getAttrMap().values()) {
      if (value.hasFunc()) {
        names.add(value.getFunc().getName());
      }
      value.getList().getFuncList().forEach(f -> names.add(f.getName()));
    }
    return names;
  }

  private static String name(FunctionDef f) {
    return f.getSignature().getName();
  }

  /** {@code "^a"}, {@code "a:1"} and {@code "a"} name node {@code a}. */
  private static String nodeName(String tensor) {
    String name = tensor.startsWith("^") ? tensor.substring(1) : tensor;
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }
}
