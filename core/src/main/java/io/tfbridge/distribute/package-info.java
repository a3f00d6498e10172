/**
 * Standalone pieces for data-parallel training: where replicas live and how to reach them.
 *
 * <ul>
 *   <li>{@link io.tfbridge.distribute.TfConfig}: the cluster and this task, from Python's
 *       {@code TF_CONFIG} JSON;</li>
 *   <li>{@link io.tfbridge.distribute.WorkerServer}: this task's TensorFlow gRPC server (it cannot be
 *       stopped: a worker ends by exiting);</li>
 *   <li>{@link io.tfbridge.distribute.RemoteSession}: a Session on a {@code grpc://} master, the one
 *       class that reaches past TensorFlow Java 1.1.0's public API;</li>
 *   <li>{@link io.tfbridge.distribute.DevicePlacement}: gives ops without a device (those
 *       {@code Graph.addGradients} makes) the device of their replica by name prefix, and reads per-device
 *       node names back from a traced run's step stats;</li>
 *   <li>{@link io.tfbridge.distribute.CollectiveGroup}: the tasks a between-graph model's collectives
 *       join (size, this task, group key, timeout) and the share of each batch this task feeds.</li>
 * </ul>
 * Nothing here builds a model; a distribution strategy uses these at compile time.
 */
package io.tfbridge.distribute;
