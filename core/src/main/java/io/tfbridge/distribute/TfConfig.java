package io.tfbridge.distribute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster and this process's task, read from Python's {@code TF_CONFIG} JSON:
 *
 * <pre>{@code
 * {"cluster": {"worker": ["host0:port", "host1:port"], "chief": ["host:port"]},
 *  "task": {"type": "worker", "index": 1}}
 * }</pre>
 *
 * <p>The cluster must have a non-empty {@code worker} job; other jobs (such as {@code chief}) are kept
 * as given. Every address must be {@code host:port}. The task's type must be a job of the cluster and
 * its index a position in that job's list. Every problem is reported as an
 * {@link IllegalArgumentException} whose message starts with {@code TF_CONFIG} and names the bad value.
 *
 * <p>Immutable and thread-safe.
 */
public final class TfConfig {
  /** The environment variable Python's distribution strategies read. */
  public static final String ENV = "TF_CONFIG";
  /** The job every cluster must have. */
  public static final String WORKER = "worker";
  /** The optional job whose single task is the chief, when present. */
  public static final String CHIEF = "chief";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<String>> cluster;
  private final String taskType;
  private final int taskIndex;

  private TfConfig(Map<String, List<String>> cluster, String taskType, int taskIndex) {
    this.cluster = cluster;
    this.taskType = taskType;
    this.taskIndex = taskIndex;
  }

  /**
   * Parses TF_CONFIG JSON text.
   *
   * @throws IllegalArgumentException for malformed JSON, a missing or empty {@code cluster.worker}, a bad
   *     address, an unknown task type or an index out of range
   */
  public static TfConfig parse(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("TF_CONFIG: expected a JSON object, found "
          + (json == null ? "null" : "an empty string"));
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("TF_CONFIG: malformed JSON (" + e.getOriginalMessage() + ") in: "
          + json, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("TF_CONFIG: expected a JSON object, found: " + json);
    }
    Map<String, List<String>> cluster = parseCluster(root.get("cluster"));
    JsonNode task = root.get("task");
    if (task == null || !task.isObject()) {
      throw new IllegalArgumentException("TF_CONFIG: expected \"task\": {\"type\": ..., \"index\": ...}, found "
          + task);
    }
    String type = parseTaskType(task.get("type"), cluster);
    int index = parseTaskIndex(task.get("index"), type, cluster.get(type).size());
    return new TfConfig(cluster, type, index);
  }

  /** The config in the {@code TF_CONFIG} environment variable, or empty when it is unset or blank. */
  public static Optional<TfConfig> fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The config in {@code env.get("TF_CONFIG")}, or empty when it is unset or blank (for tests). */
  public static Optional<TfConfig> fromEnvironment(Map<String, String> env) {
    String json = env.get(ENV);
    return json == null || json.isBlank() ? Optional.empty() : Optional.of(parse(json));
  }

  private static Map<String, List<String>> parseCluster(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "TF_CONFIG: expected \"cluster\": {\"worker\": [\"host:port\", ...]}, found " + node);
    }
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> job : node.properties()) {
      jobs.put(job.getKey(), parseAddresses(job.getKey(), job.getValue()));
    }
    if (!jobs.containsKey(WORKER) || jobs.get(WORKER).isEmpty()) {
      throw new IllegalArgumentException(
          "TF_CONFIG: expected a non-empty \"worker\" list in \"cluster\", found jobs " + jobs.keySet());
    }
    return Collections.unmodifiableMap(jobs);
  }

  private static List<String> parseAddresses(String job, JsonNode list) {
    if (!list.isArray()) {
      throw new IllegalArgumentException("TF_CONFIG: expected cluster job \"" + job
          + "\" to be a list of \"host:port\" strings, found " + list);
    }
    List<String> addresses = new ArrayList<>();
    for (JsonNode address : list) {
      addresses.add(checkAddress(job, address));
    }
    return List.copyOf(addresses);
  }

  private static String checkAddress(String job, JsonNode node) {
    String text = node.isTextual() ? node.asText() : null;
    int colon = text == null ? -1 : text.lastIndexOf(':');
    int port = -1;
    if (colon > 0) {
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("TF_CONFIG: expected \"host:port\" (port 1..65535) in cluster job \""
          + job + "\", found " + node);
    }
    return text;
  }

  private static String parseTaskType(JsonNode node, Map<String, List<String>> cluster) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("TF_CONFIG: expected \"task\".\"type\" to be a string, found " + node);
    }
    String type = node.asText();
    if (!cluster.containsKey(type)) {
      throw new IllegalArgumentException("TF_CONFIG: unknown task type \"" + type
          + "\"; expected one of the cluster's jobs " + cluster.keySet());
    }
    return type;
  }

  private static int parseTaskIndex(JsonNode node, String type, int size) {
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException("TF_CONFIG: expected \"task\".\"index\" to be an integer, found " + node);
    }
    int index = node.asInt();
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("TF_CONFIG: task index " + index + " out of range for job \"" + type
          + "\" with " + size + " task(s); expected 0.." + (size - 1));
    }
    return index;
  }

  /** Every job of the cluster (in TF_CONFIG order) with its task addresses. */
  public Map<String, List<String>> cluster() {
    return cluster;
  }

  /** The addresses ({@code host:port}) of the {@code worker} job, in task order. */
  public List<String> workers() {
    return cluster.get(WORKER);
  }

  /** This task's job name, e.g. {@code worker}. */
  public String taskType() {
    return taskType;
  }

  /** This task's index within its job. */
  public int taskIndex() {
    return taskIndex;
  }

  /**
   * Whether this task is the chief: the task of a {@code chief} job when the cluster has one, else
   * worker 0 (Python's rule).
   */
  public boolean isChief() {
    return cluster.containsKey(CHIEF) ? CHIEF.equals(taskType) : WORKER.equals(taskType) && taskIndex == 0;
  }

  /** The number of tasks in the {@code worker} job. */
  public int numWorkers() {
    return workers().size();
  }

  /** This task's {@code host:port}. */
  public String address() {
    return address(taskType, taskIndex);
  }

  /** The {@code host:port} of task {@code index} of {@code job}. */
  public String address(String job, int index) {
    List<String> tasks = cluster.get(job);
    if (tasks == null || index < 0 || index >= tasks.size()) {
      throw new IllegalArgumentException("TF_CONFIG has no task " + job + ":" + index + "; cluster is " + cluster);
    }
    return tasks.get(index);
  }

  /** This task's session target, {@code grpc://host:port}. */
  public String target() {
    return target(taskType, taskIndex);
  }

  /** The session target {@code grpc://host:port} of task {@code index} of {@code job}. */
  public String target(String job, int index) {
    return "grpc://" + address(job, index);
  }

  /** The TensorFlow device prefix of task {@code index} of {@code job}: {@code /job:J/replica:0/task:I}. */
  public static String taskDevice(String job, int index) {
    return "/job:" + job + "/replica:0/task:" + index;
  }

  @Override
  public String toString() {
    return "TfConfig{cluster=" + cluster + ", task=" + taskType + ":" + taskIndex + "}";
  }
}
