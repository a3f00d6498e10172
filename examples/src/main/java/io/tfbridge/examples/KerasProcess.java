package io.tfbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keras's side of {@code tfbridge bench}: one Python process running
 * {@code models/python/keras_bench.py serve}, sent one JSON command per line and answering one JSON
 * line each, so the benchmark interleaves Java and Keras runs. Only a benchmark uses Python; tfbridge
 * itself never does.
 */
final class KerasProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final Writer in;
  private final BufferedReader out;
  private final String version;
  private final Path errors;

  private KerasProcess(Process process, Path errors) throws IOException {
    this.process = process;
    this.errors = errors;
    this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.version = read().path("keras").asText("?");
  }

  /** Starts {@code python script serve} and waits for it to be ready (TensorFlow imported). */
  static KerasProcess start(Path python, Path script) throws IOException {
    if (!java.nio.file.Files.isRegularFile(script)) {
      throw new IOException("the benchmark's Keras script " + script + " does not exist (run from"
          + " a tfbridge checkout, or set -Dtfbridge.home=DIR)");
    }
    Path errors = java.nio.file.Files.createTempFile("keras_bench", ".stderr");
    Process p = new ProcessBuilder(python.toString(), script.toString(), "serve")
        .redirectError(errors.toFile()).start();
    try {
      return new KerasProcess(p, errors);
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      java.nio.file.Files.deleteIfExists(errors);
      throw e;
    }
  }

  /** The Keras version the process imported. */
  String version() {
    return version;
  }

  /** Sends {@code command} and returns the answer; an answer with an error throws. */
  JsonNode call(Map<String, Object> command) throws IOException {
    in.write(JSON.writeValueAsString(command) + "\n");
    in.flush();
    JsonNode answer = read();
    if (answer.has("error")) {
      throw new IOException("keras_bench.py " + command.get("op") + ": " + answer.get("error").asText());
    }
    return answer;
  }

  private JsonNode read() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new IOException("keras_bench.py exited (code " + exitCode() + ") before answering: "
          + lastLines(java.nio.file.Files.readString(errors)));
    }
    return JSON.readTree(line);
  }

  private String exitCode() {
    try {
      return process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)
          ? String.valueOf(process.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String lastLines(String stderr) {
    java.util.List<String> lines = stderr.strip().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  /** Closes its stdin (the process then exits) and waits up to 10 s before killing it. */
  @Override
  public void close() {
    try {
      in.close();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      errors.toFile().delete();
    }
  }
}
