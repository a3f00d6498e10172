package io.tfbridge.examples;

import io.tfbridge.distribute.TfConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP reachability of cluster tasks: how a worker notices that its chief is gone (a started
 * TensorFlow server cannot be stopped, so a worker ends by exiting), and how the chief names the
 * workers it lost.
 */
final class ClusterProbe {
  /** How often a worker checks its chief once it has reached it. */
  static final Duration POLL = Duration.ofSeconds(2);
  /**
   * How often a worker looks for its chief before the first contact: often, so that a chief that
   * trains briefly and dies is still seen (a chief never seen is waited for {@link #FIRST_CONTACT}).
   */
  static final Duration FIRST_POLL = Duration.ofMillis(200);
  /** How long the chief may stay unreachable before its workers exit. */
  static final Duration GONE_AFTER = Duration.ofSeconds(10);
  /** How long a worker waits for its chief to come up at all. */
  static final Duration FIRST_CONTACT = Duration.ofMinutes(5);

  private ClusterProbe() {}

  /** Whether a TCP connection to {@code host:port} opens within a second. */
  static boolean reachable(String address) {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), 1000);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** "worker:i at host:port" for each worker other than the chief that does not answer. */
  static List<String> unreachableWorkers(TfConfig config) {
    List<String> lost = new ArrayList<>();
    for (int i = 1; i < config.numWorkers(); i++) {
      if (!reachable(config.workers().get(i))) {
        lost.add("worker:" + i + " at " + config.workers().get(i));
      }
    }
    return lost;
  }

  /**
   * Blocks while the chief (worker 0) is reachable, checking every {@link #POLL}.
   *
   * @throws IllegalStateException once the chief has been unreachable for {@link #GONE_AFTER} after it
   *     was reached, or was never reached within {@link #FIRST_CONTACT}
   */
  static void awaitChiefGone(TfConfig config) throws InterruptedException {
    String chief = config.workers().get(0);
    long start = System.nanoTime();
    long lastSeen = 0;
    boolean seen = false;
    while (true) {
      long now = System.nanoTime();
      if (reachable(chief)) {
        seen = true;
        lastSeen = now;
      } else if (seen && now - lastSeen >= GONE_AFTER.toNanos()) {
        throw new IllegalStateException("chief worker:0 at " + chief + " is gone (unreachable for "
            + GONE_AFTER.toSeconds() + " s); exiting");
      } else if (!seen && now - start >= FIRST_CONTACT.toNanos()) {
        throw new IllegalStateException("chief worker:0 at " + chief + " was not reachable within "
            + FIRST_CONTACT.toMinutes() + " min; exiting");
      }
      Thread.sleep(seen ? POLL.toMillis() : FIRST_POLL.toMillis());
    }
  }
}
