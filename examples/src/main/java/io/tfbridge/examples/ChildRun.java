package io.tfbridge.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole process, timed from its start to its exit: how a cold start and a peak resident memory
 * are measured (each side in a process of its own, the OS's figures).
 *
 * @param seconds wall time from start to exit
 * @param stdout what it printed on stdout
 */
record ChildRun(double seconds, String stdout) {

  /** Runs {@code command} to its end; a non-zero exit throws with its stderr. */
  static ChildRun run(List<String> command) throws IOException {
    Path errors = Files.createTempFile("tfbridge-bench", ".stderr");
    try {
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      String out;
      try (var stdout = p.getInputStream()) {
        out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      }
      int code = waitFor(p, command);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (code != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + code + ": "
            + Files.readString(errors).strip());
      }
      return new ChildRun(seconds, out);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static int waitFor(Process p, List<String> command) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  /**
   * A Java command on this process's JVM, JVM options (those the {@code tfbridge} script chose,
   * its class-data archive included, but not the archive this process may be writing) and class
   * path: {@code java OPTIONS -cp CP args...}.
   */
  static List<String> java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
        .stream().filter(o -> o.startsWith("-X") && !o.startsWith("-XX:ArchiveClassesAtExit"))
        .toList());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(List.of(args));
    return command;
  }
}
