package io.tfbridge.engine;

import org.bytedeco.javacpp.Pointer;

/**
 * JavaCPP's setting for the native objects under TensorFlow Java. With
 * {@code org.bytedeco.javacpp.maxPhysicalBytes} above zero (its default), JavaCPP reads the
 * process's resident memory from the OS at every native allocation (each tensor, status, buffer and
 * pointer array of a {@code Session.run}), to start a garbage collection that would free native
 * objects nobody closed. tfbridge closes every tensor, session and graph it makes, so the check only
 * costs: 30-45 µs of a one-row prediction (the iris MLP, JMH {@code OneRowPredict}: 62 → 17 µs).
 * {@link #configure()} turns it off unless the property is set; set it yourself
 * ({@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=...}) to keep JavaCPP's check.
 *
 * <p>The property is read once, when JavaCPP's {@code Pointer} class initialises: tfbridge calls
 * {@link #configure()} before it makes a graph or loads a model, which is early enough unless the
 * program has made TensorFlow tensors before; a service that does can call it first thing in
 * {@code main}.
 */
public final class JavaCpp {
  /** JavaCPP's system property: the resident memory above which it collects, 0 for never. */
  public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  private JavaCpp() {}

  /** Turns JavaCPP's per-allocation resident-memory check off, unless the property is set. */
  public static void configure() {
    if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
      System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }
  }

  /** True when JavaCPP checks the resident memory at each allocation (the setting came too late). */
  public static boolean checksPhysicalMemory() {
    configure();
    return Pointer.maxPhysicalBytes() > 0;
  }
}
