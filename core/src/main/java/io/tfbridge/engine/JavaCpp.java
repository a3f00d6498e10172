package io.tfbridge.engine;

import org.bytedeco.javacpp.Pointer;

/**
 * JavaCPP's settings for the native objects under TensorFlow Java. With
 * {@code org.bytedeco.javacpp.maxPhysicalBytes} above zero (its default), JavaCPP reads the
 * process's resident memory from the OS at every native allocation (each tensor, status, buffer and
 * pointer array of a {@code Session.run}), to start a garbage collection that would free native
 * objects nobody closed. tfbridge closes every tensor, session and graph it makes, so the check only
 * costs: 30-45 µs of a one-row prediction (the iris MLP, JMH {@code OneRowPredict}: 62 → 17 µs).
 * {@link #configure()} turns it off unless the property is set; set it yourself
 * ({@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=...}) to keep JavaCPP's check.
 *
 * <p>On the CPU build it also sets {@code org.bytedeco.javacpp.platform.extension} to none (unless
 * set): TensorFlow Java's preset declares a {@code -gpu} extension, and JavaCPP then first tries to
 * preload about twenty CUDA libraries, searching every jar of the class path and the system paths
 * for each, which took about half of TensorFlow's one-second load (0.9-1.0 s instead of 1.9-2.2 s
 * on a busy 2-core machine). With the GPU natives on the class path it is left alone.
 *
 * <p>The properties are read once, when JavaCPP's {@code Pointer} class initialises: tfbridge calls
 * {@link #configure()} before it makes a graph or loads a model, which is early enough unless the
 * program has made TensorFlow tensors before; a service that does can call it first thing in
 * {@code main}.
 */
public final class JavaCpp {
  /** JavaCPP's system property: the resident memory above which it collects, 0 for never. */
  public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  /** JavaCPP's system property: the platform extension whose natives it loads ({@code -gpu}). */
  public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";

  private JavaCpp() {}

  /**
   * Turns JavaCPP's per-allocation resident-memory check off and, without GPU natives, its CUDA
   * preloads, unless the properties are set.
   */
  public static void configure() {
    if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
      System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }
    if (System.getProperty(PLATFORM_EXTENSION) == null && !gpuNatives()) {
      System.setProperty(PLATFORM_EXTENSION, "");
    }
  }

  /** Whether TensorFlow's GPU natives for this OS and CPU are on the class path. */
  static boolean gpuNatives() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    String platform = (os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx"
        : os.startsWith("windows") ? "windows" : os) + "-"
        + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
    String dir = "org/tensorflow/internal/c_api/" + platform + "-gpu/";
    ClassLoader loader = JavaCpp.class.getClassLoader();
    return loader.getResource(dir + "libjnitensorflow.so") != null
        || loader.getResource(dir + "jnitensorflow.dll") != null
        || loader.getResource(dir + "libjnitensorflow.dylib") != null;
  }

  /** True when JavaCPP checks the resident memory at each allocation (the setting came too late). */
  public static boolean checksPhysicalMemory() {
    configure();
    return Pointer.maxPhysicalBytes() > 0;
  }
}
