package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
  @Test
  void printsEveryFigure() {
    CliRun run = CliRun.of("bench", "--samples", "128", "--calls", "100");
    assertEquals(Cli.OK, run.code(), run.err());
    assertTrue(run.out().matches("(?s)cnn training: [\\d,]+ samples/s.*cnn predict: +[\\d,]+ samples/s.*"
        + "Java Model +median \\d+ µs, p99 \\d+ µs.*SavedModel +median \\d+ µs.*"
        + "1 replica\\(s\\): [\\d,]+ samples/s.*2 replica\\(s\\): [\\d,]+ samples/s"
        + ".*4 replica\\(s\\): [\\d,]+ samples/s.*"), run.out());
  }

  @Test
  void tooFewSamplesIsAUsageError() {
    CliRun run = CliRun.of("bench", "--samples", "10");
    assertEquals(Cli.USAGE_ERROR, run.code());
    assertTrue(run.err().contains("Invalid value for option '--samples': 10 (expected >= 64)"), run.err());
  }
}
