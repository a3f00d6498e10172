package io.tfbridge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each lesson end to end through the command line, kept short (well under a minute in all). */
class LessonsTest {
  private static final Pattern EPOCH_LOSS =
      Pattern.compile("^Epoch (\\d+)/(\\d+) .* - loss: ([\\d.]+)");
  private static final Pattern VALUE = Pattern.compile("([\\d.]+(?:e[-+]\\d+)?)");

  @Test
  void rnnPrintsPredictionsAndItsLossFalls() {
    CliRun run = CliRun.of("lesson", "rnn", "--seed", "0");
    assertEquals(Cli.OK, run.code(), run::describe);
    List<String> lines = run.lines();
    assertTrue(lines.get(lines.size() - 3).startsWith("Predictions: [["), run::describe);
    assertTrue(lines.get(lines.size() - 1).matches(" \\[\\d\\.\\d* *]]"), run::describe);
    List<Double> losses = epochLosses(lines, 10);
    assertTrue(losses.get(9) < losses.get(0), () -> "loss did not fall: " + losses);
  }

  @Test
  void distributedPrintsTheDeviceEachReplicaRanOnAndItsLossFalls() {
    CliRun run = CliRun.of("lesson", "distributed", "--replicas", "2", "--seed", "1");
    assertEquals(Cli.OK, run.code(), run::describe);
    List<String> lines = run.lines();
    assertEquals("Number of devices: 2", lines.get(0), run::describe);
    assertEquals("Replica 0 ran on /job:localhost/replica:0/task:0/device:CPU:0",
        lines.get(lines.size() - 2), run::describe);
    assertEquals("Replica 1 ran on /job:localhost/replica:0/task:0/device:CPU:1",
        lines.get(lines.size() - 1), run::describe);
    List<Double> losses = epochLosses(lines, 5);
    assertTrue(losses.get(4) < losses.get(0), () -> "loss did not fall: " + losses);
  }

  @Test
  void distributedRefusesZeroReplicas() {
    CliRun run = CliRun.of("lesson", "distributed", "--replicas", "0");
    assertEquals(2, run.code(), run::describe);
    assertTrue(run.err().contains("--replicas"), run.err());
  }

  @Test
  void rnnHistoryAndPredictions() {
    RnnLesson.Result result = RnnLesson.run(3, LessonConsole.silent());
    List<Double> losses = result.history().get("loss");
    assertEquals(10, losses.size());
    assertTrue(losses.get(9) < losses.get(0), () -> "loss did not fall: " + losses);
    assertEquals(3, result.predictions().length);
    for (float[] p : result.predictions()) {
      assertEquals(1, p.length);
      assertTrue(p[0] > 0 && p[0] < 1, () -> "not a probability: " + p[0]);
    }
  }

  @Test
  void quietIrisPrintsOnlyItsAccuracy() {
    CliRun run = CliRun.of("lesson", "iris", "--seed", "0", "--quiet");
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(1, run.lines().size(), run::describe);
    assertInUnitInterval("Accuracy: ", run);
  }

  @Test
  void irisPrintsThirtyEpochsWithValidation() {
    CliRun run = CliRun.of("lesson", "iris");
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(31, run.lines().size(), run::describe);
    assertTrue(run.lines().get(29).startsWith("Epoch 30/30 - 9/9 - "), run::describe);
    assertTrue(run.lines().get(29).contains(" - val_accuracy: "), run::describe);
    assertInUnitInterval("Accuracy: ", run);
    assertEquals(IrisLesson.run(IrisLesson.DEFAULT_SEED, false),
        Double.parseDouble(run.lastLine().substring("Accuracy: ".length())), "seeded runs repeat");
  }

  @Test
  void shortCnnPrintsTestAccuracy() {
    CliRun run = CliRun.of("lesson", "cnn", "--epochs", "1", "--limit", "1000");
    assertEquals(Cli.OK, run.code(), run::describe);
    assertTrue(run.lines().get(0).startsWith("Epoch 1/1 - 15/15 - "), run::describe);
    assertInUnitInterval("Test Accuracy: ", run);
  }

  @Test
  void mixedBfloat16CnnLearns() {
    CliRun run = CliRun.of("lesson", "cnn", "--dtype-policy", "mixed_bfloat16", "--epochs", "2",
        "--limit", "1000", "-q");
    assertEquals(Cli.OK, run.code(), run::describe);
    // ten classes: chance is 0.1; two epochs on 900 digits reach ~0.85 in float32
    assertTrue(Double.parseDouble(run.lastLine().substring("Test Accuracy: ".length())) > 0.6,
        run::describe);
  }

  @Test
  void augmentedCnnTrainsOnAFlowAndValidates() {
    CliRun run = CliRun.of("lesson", "cnn", "--augment", "--epochs", "1", "--limit", "1000");
    assertEquals(Cli.OK, run.code(), run::describe);
    // 900 augmented training digits in batches of 64, the last 100 validating
    assertTrue(run.lines().get(0).startsWith("Epoch 1/1 - 15/15 - "), run::describe);
    assertTrue(run.lines().get(0).contains("val_accuracy: "), run::describe);
    assertInUnitInterval("Test Accuracy: ", run);
  }

  @Test
  void irisMedianEndsWithTheMedian() {
    CliRun run = CliRun.of("lesson", "iris-median", "--seeds", "3");
    assertEquals(Cli.OK, run.code(), run::describe);
    assertEquals(4, run.lines().size(), run::describe);
    assertTrue(run.lines().get(0).startsWith("seed 0: test accuracy "), run::describe);
    assertInUnitInterval("median accuracy over 3 seeds: ", run);
  }

  @Test
  void medianIsPythonsStatisticsMedian() {
    assertEquals(0.5, Stats.median(new double[] {0.9, 0.1, 0.5}));
    assertEquals(0.75, Stats.median(new double[] {1.0, 0.5, 0.9, 0.6}), 1e-12);
  }

  private static List<Double> epochLosses(List<String> lines, int epochs) {
    List<Double> losses = new ArrayList<>();
    for (String line : lines) {
      Matcher m = EPOCH_LOSS.matcher(line);
      if (m.find()) {
        assertEquals(losses.size() + 1, Integer.parseInt(m.group(1)), line);
        assertEquals(epochs, Integer.parseInt(m.group(2)), line);
        losses.add(Double.parseDouble(m.group(3)));
      }
    }
    assertEquals(epochs, losses.size(), () -> "epoch lines: " + lines);
    return losses;
  }

  private static void assertInUnitInterval(String prefix, CliRun run) {
    String last = run.lastLine();
    assertTrue(last.startsWith(prefix), run::describe);
    Matcher m = VALUE.matcher(last.substring(prefix.length()));
    assertTrue(m.matches(), run::describe);
    double value = Double.parseDouble(m.group(1));
    assertTrue(value >= 0 && value <= 1, run::describe);
  }
}
