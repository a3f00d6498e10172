package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line's parsing, exit codes and error reporting (no training here). */
class CliTest {

  @Test
  void unknownLessonIsAUsageError() {
    CliRun run = CliRun.of("lesson", "bogus");
    assertEquals(Cli.USAGE_ERROR, run.code(), run::describe);
    assertTrue(run.err().contains("Unmatched argument at index 1: 'bogus'"), run::describe);
    assertTrue(run.err().contains("Usage: tfbridge lesson"), run::describe);
    assertEquals("", run.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("lesson", "iris", "--sead", "3");
    assertEquals(Cli.USAGE_ERROR, run.code(), run::describe);
    assertTrue(run.err().startsWith("Unknown options: '--sead', '3'"), run::describe);
    assertTrue(run.err().contains("Possible solutions: --seed"), run::describe);
  }

  @Test
  void badNumbersAreUsageErrors() {
    assertUsageError("Invalid value for option '--seed': 'x' is not a long",
        "lesson", "iris", "--seed", "x");
    assertUsageError("Invalid value for option '--epochs': 0 (expected >= 1)",
        "lesson", "cnn", "--epochs", "0");
    assertUsageError("Invalid value for option '--limit': -1 (expected >= 0)",
        "lesson", "cnn", "--limit", "-1");
    assertUsageError("Invalid value for option '--dtype-policy': dtype policy 'mixed_float16' is "
        + "not supported by tfbridge; supported: float32, mixed_bfloat16",
        "lesson", "cnn", "--dtype-policy", "mixed_float16");
    assertUsageError("Invalid value for option '--seeds': 0 (expected >= 1)",
        "lesson", "iris-median", "--seeds", "0");
  }

  @Test
  void missingSubcommandIsAUsageError() {
    assertUsageError("Missing required subcommand");
    assertUsageError("Missing required subcommand", "lesson");
  }

  @Test
  void runtimeErrorIsOneLineWithExitCode1() {
    CliRun run = CliRun.of("lesson", "cnn", "--data", "/no/such/mnist");
    assertEquals(Cli.RUNTIME_ERROR, run.code(), run::describe);
    assertEquals(1, run.err().lines().count(), run::describe);
    assertTrue(run.err().startsWith("tfbridge: error: /no/such/mnist"), run::describe);
    assertFalse(run.err().contains("\tat "), run::describe);
  }

  @Test
  void debugAddsTheStackTrace() {
    CliRun run = CliRun.of("lesson", "cnn", "--data", "/no/such/mnist", "--debug");
    assertEquals(Cli.RUNTIME_ERROR, run.code(), run::describe);
    assertTrue(run.err().startsWith("tfbridge: error: /no/such/mnist"), run::describe);
    assertTrue(run.err().contains("java.nio.file.NoSuchFileException"), run::describe);
    assertTrue(run.err().contains("\tat io.tfbridge.examples.CnnLesson.run"), run::describe);
  }

  @Test
  void versionNamesTfbridgeAndTensorFlow() {
    CliRun run = CliRun.of("--version");
    assertEquals(Cli.OK, run.code(), run::describe);
    assertTrue(run.out().matches(
        "tfbridge \\S+ \\(TensorFlow Java 1\\.1\\.0, TensorFlow 2\\.\\d+\\.\\d+\\)\\R"),
        run::describe);
  }

  @Test
  void helpListsTheLessons() {
    CliRun run = CliRun.of("lesson", "--help");
    assertEquals(Cli.OK, run.code(), run::describe);
    for (String lesson : new String[] {"iris", "cnn", "rnn", "iris-median"}) {
      assertTrue(run.out().contains("  " + lesson + " "), run::describe);
    }
  }

  @Test
  void describeUnwrapsAndFallsBackToTheType() {
    assertEquals("boom", Cli.describe(new RuntimeException(new IllegalStateException("boom"))));
    assertEquals("NullPointerException", Cli.describe(new NullPointerException()));
    assertEquals("a b", Cli.describe(new IllegalArgumentException("a\nb")));
  }

  private static void assertUsageError(String message, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(Cli.USAGE_ERROR, run.code(), run::describe);
    assertTrue(run.err().startsWith(message), run::describe);
    assertTrue(run.err().contains("Usage: tfbridge"), run::describe);
  }
}
