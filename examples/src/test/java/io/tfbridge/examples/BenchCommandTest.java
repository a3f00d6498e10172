package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code tfbridge bench} prints its table with every workload (the figures themselves are not
 * asserted: speed is measured, not tested).
 */
class BenchCommandTest {
  private static final String FIGURE = "[\\d,.]+ ";

  @Test
  void printsTheTableWithoutKeras() {
    CliRun run = CliRun.of("bench", "--no-keras", "--rounds", "1", "--samples", "128", "--epochs",
        "2", "--calls", "100");
    assertEquals(Cli.OK, run.code(), run.err());
    assertTrue(run.out().startsWith("tfbridge against nothing"), run.out());
    assertTable(run.out(), "—");
  }

  @Test
  void printsKerasFiguresBesideTfbridges() {
    String python = System.getenv("TFBRIDGE_PYTHON");
    Assumptions.assumeTrue(python != null && !python.isBlank(), "TFBRIDGE_PYTHON is not set");
    CliRun run = CliRun.of("bench", "--keras-python", python, "--rounds", "1", "--samples", "128",
        "--epochs", "2", "--calls", "100");
    assertEquals(Cli.OK, run.code(), run.err());
    assertTrue(run.out().startsWith("tfbridge against Keras 3."), run.out());
    assertTable(run.out(), FIGURE);
  }

  private static void assertTable(String out, String keras) {
    for (String row : new String[] {"Iris: build, fit 30 epochs", "CNN training, batch 64",
        "CNN training, mixed_bfloat16", "CNN predict, batch 64", "1-row predict p50, iris MLP",
        "Peak RSS, CNN training", "Cold start to a SavedModel prediction"}) {
      assertTrue(out.lines().anyMatch(l -> l.matches("\\| " + java.util.regex.Pattern.quote(row)
          + ".*\\| " + FIGURE + "\\S+ +\\| " + keras + ".*")), row + " in\n" + out);
    }
  }

  @Test
  void tooFewSamplesIsAUsageError() {
    CliRun run = CliRun.of("bench", "--samples", "10");
    assertEquals(Cli.USAGE_ERROR, run.code());
    assertTrue(run.err().contains("Invalid value for option '--samples': 10 (expected >= 64)"), run.err());
  }
}
