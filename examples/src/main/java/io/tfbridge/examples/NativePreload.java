package io.tfbridge.examples;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
    linkFileNatives();
    Thread loader = new Thread(NativePreload::load, "tensorflow-native-preload");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Makes the JDK link the natives that reading a model uses (files, logging) now. The JVM links a native method at its first
   * call, through the dynamic linker, whose lock TensorFlow's load holds for most of a second (its
   * static initializers run under it): a first {@code Files.exists} during the load would wait for
   * all of it, and reading the model files would no longer overlap the load.
   */
  private static void linkFileNatives() {
    try {
      Path here = Path.of("").toAbsolutePath();
      Files.exists(here);
      Files.isDirectory(here);
      Files.isRegularFile(here);
      Files.isSymbolicLink(here);
      Files.readAttributes(here, BasicFileAttributes.class);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(here)) {
        entries.iterator().hasNext();
      }
      // protobuf's first message class starts java.util.logging, whose set-up links natives too
      java.util.logging.Logger.getLogger(NativePreload.class.getName());
      Path self = Path.of("/proc/self/stat");
      if (Files.isReadable(self)) {
        Files.readAllBytes(self);
      }
    } catch (IOException | RuntimeException e) { // NOPMD: only a warm-up
      // the commands read their files themselves and report what fails
    }
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
