package io.tfbridge.distribute;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * TCP reachability of a cluster task's server: how a failed collective step names the task that is
 * gone (TensorFlow's own error says only that a collective timed out or was aborted).
 *
 * <pre>{@code
 * boolean up = TaskProbe.reachable("127.0.0.1:2222");
 * }</pre>
 */
public final class TaskProbe {
  private static final int CONNECT_TIMEOUT_MS = 1000;

  private TaskProbe() {}

  /** Whether a TCP connection to {@code host:port} opens within a second. */
  public static boolean reachable(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
