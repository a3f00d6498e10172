package io.tfbridge.distribute;

import java.util.ArrayList;
import java.util.List;

/**
 * The collective group of between-graph replication: every task of the cluster (the {@code chief}
 * first, if the cluster has that job, then the {@code worker}s) runs the same graph in its own process, and TensorFlow's collective ops ({@code CollectiveReduceV2},
 * {@code CollectiveBcastSendV2}/{@code RecvV2}) join the tasks' tensors. Each task builds its
 * collectives in the same order, so the n-th one has the same instance key on every task.
 *
 * <pre>{@code
 * CollectiveGroup group = new CollectiveGroup(3, 1, CollectiveGroup.DEFAULT_GROUP_KEY, 60);
 * boolean sends = group.isChief(); // task 0 broadcasts the initial weights
 * }</pre>
 *
 * @param size the number of tasks in the group (Keras's {@code num_replicas_in_sync})
 * @param task this task's index in the group, {@code 0 .. size-1}; task 0 is the chief
 * @param groupKey the key every task's collectives share
 * @param timeoutSeconds how long a collective waits for the other tasks before failing (positive:
 *     0 would wait forever for a task that is gone)
 * @param members each task's name and {@code host:port}, in group order, to name an unreachable
 *     task when a step fails (empty when unknown)
 */
public record CollectiveGroup(int size, int task, int groupKey, double timeoutSeconds,
    List<Member> members) {
  /** The group key of a model's collectives unless set otherwise. */
  public static final int DEFAULT_GROUP_KEY = 1;

  public CollectiveGroup {
    if (size < 1) {
      throw new IllegalArgumentException("A collective group needs at least 1 task, found " + size);
    }
    if (task < 0 || task >= size) {
      throw new IllegalArgumentException("Expected a task index in 0.." + (size - 1) + ", found " + task);
    }
    if (!(timeoutSeconds > 0)) {
      throw new IllegalArgumentException("Expected a positive collective timeout, found " + timeoutSeconds);
    }
    members = List.copyOf(members);
    if (!members.isEmpty() && members.size() != size) {
      throw new IllegalArgumentException("Expected " + size + " group members, found " + members);
    }
  }

  /**
   * A task of the group.
   *
   * @param name its job and index, {@code worker:1}
   * @param address its server's {@code host:port}
   */
  public record Member(String name, String address) {
    @Override
    public String toString() {
      return name + " at " + address;
    }
  }

  /** A group whose task addresses are unknown. */
  public CollectiveGroup(int size, int task, int groupKey, double timeoutSeconds) {
    this(size, task, groupKey, timeoutSeconds, List.of());
  }

  /** This task's name, {@code worker:1} ({@code worker:<task>} when the members are unknown). */
  public String name() {
    return members.isEmpty() ? TfConfig.WORKER + ":" + task : members.get(task).name();
  }

  /**
   * "worker:i at host:port" for each other task that does not accept a TCP connection now (within a
   * second each): what a failed collective step names. Empty when the members are unknown.
   */
  public List<String> unreachableTasks() {
    List<String> lost = new ArrayList<>();
    for (int t = 0; t < members.size(); t++) {
      if (t != task && !TaskProbe.reachable(members.get(t).address())) {
        lost.add(members.get(t).toString());
      }
    }
    return lost;
  }

  /** Whether this task is the chief (task 0), whose initial weights every task starts from. */
  public boolean isChief() {
    return task == 0;
  }

  /**
   * Task {@code task}'s share of a batch of {@code rows} rows: rows {@code [from, to)} with
   * {@code from = rows*task/size}, {@code to = rows*(task+1)/size}, the same contiguous split a
   * mirrored model's replicas make (a task may get one row fewer than another, or none).
   */
  public int[] share(int rows) {
    return io.tfbridge.data.BatchSequence.share(rows, size, task);
  }
}
