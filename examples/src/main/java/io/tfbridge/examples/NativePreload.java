package io.tfbridge.examples;

import java.util.List;
import java.util.Set;

/**
 * Loads TensorFlow's native library on a background thread while the command line is parsed and
 * the model files are read and checked: the library (about 680 MB of shared objects, found and
 * linked by JavaCPP) is most of a cold start, and nothing else needs it before the first graph.
 * The JVM's class initialisation makes whoever needs TensorFlow first wait for the load to finish.
 */
final class NativePreload {
  /** The commands that run TensorFlow; help and version output never load it. */
  private static final Set<String> COMMANDS =
      Set.of("predict", "lesson", "fit", "serve", "convert", "bench", "inspect");

  private NativePreload() {}

  /** Starts the load when {@code args} name a command that runs TensorFlow and ask for no help. */
  static void startFor(String[] args) {
    List<String> all = List.of(args);
    if (all.isEmpty() || !COMMANDS.contains(all.get(0)) || all.contains("--help")
        || all.contains("-h")) {
      return;
    }
    Thread loader = new Thread(NativePreload::load, "tensorflow-native-preload");
    loader.setDaemon(true);
    loader.start();
  }

  private static void load() {
    try {
      io.tfbridge.engine.JavaCpp.configure(); // before JavaCPP reads its settings
      org.tensorflow.TensorFlow.version();
    } catch (Throwable e) { // NOPMD: the command that needs TensorFlow reports the same failure
      // nothing to do: the main thread loads it again and reports why it cannot
    }
  }
}
