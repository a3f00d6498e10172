package io.tfbridge.interop.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Optimizer configs as Keras 3.15 serializes them (the {@code opt_*} training golden cases of
 * {@code make_golden.py}, whose trajectories {@code KerasTrainingGoldenTest} checks): each reads into
 * the DSL and writes back to the same JSON; unsupported options and bad arguments are refused with
 * Keras's names.
 */
class OptimizerConfigsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("core/src/test/resources/golden");

  @Test
  void kerasConfigsReadAndWriteBackUnchanged() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      cases = dirs.filter(d -> d.getFileName().toString().startsWith("opt_")).sorted().toList();
    }
    assertTrue(cases.size() >= 8, cases::toString);
    for (Path dir : cases) {
      JsonNode keras = JSON.readTree(dir.resolve("meta.json").toFile()).path("optimizer");
      JsonNode java = OptimizerConfigs.write(OptimizerConfigs.read(keras));
      assertSame(dir.getFileName() + "", keras, java);
    }
  }

  @Test
  void unsupportedOptionsAndBadArgumentsAreRefused() throws IOException {
    String ema = "{\"class_name\": \"Adam\", \"config\": {\"use_ema\": true, "
        + "\"ema_momentum\": 1.5}}";
    assertEquals("`ema_momentum` must be in the range [0, 1]. Received: ema_momentum=1.5",
        error(ema));
    String overwrite = "{\"class_name\": \"Adam\", \"config\": {\"use_ema\": true, "
        + "\"ema_overwrite_frequency\": -1}}";
    assertEquals("`ema_overwrite_frequency` must be an integer >= 1 or None. Received: "
        + "ema_overwrite_frequency=-1", error(overwrite));
    String accumulate = "{\"class_name\": \"SGD\", \"config\": "
        + "{\"gradient_accumulation_steps\": 1}}";
    assertEquals("`gradient_accumulation_steps` must be an integer >= 2. Received: "
        + "gradient_accumulation_steps=1", error(accumulate));
    String twoClips = "{\"class_name\": \"SGD\", \"config\": {\"clipnorm\": 1.0, \"clipvalue\": 2.0}}";
    assertTrue(error(twoClips).startsWith("Only one of `clipnorm`, `clipvalue` and "
        + "`global_clipnorm` can be set. Received: clipnorm=1.0, clipvalue=2.0"), error(twoClips));
    String badSteps = "{\"class_name\": \"SGD\", \"config\": {\"learning_rate\": {\"class_name\": "
        + "\"ExponentialDecay\", \"config\": {\"initial_learning_rate\": 0.1, \"decay_steps\": 0, "
        + "\"decay_rate\": 0.5}}}}";
    assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=0", error(badSteps));
    String unknown = "{\"class_name\": \"SGD\", \"config\": {\"learning_rate\": {\"class_name\": "
        + "\"OneCycle\", \"config\": {}}}}";
    assertTrue(error(unknown).startsWith("learning rate schedule OneCycle is not supported by "
        + "tfbridge; supported schedules: ExponentialDecay"), error(unknown));
  }

  @Test
  void schedulesRefuseBadArgumentsWithKerasTexts() throws IOException {
    assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=0",
        error(schedule("PolynomialDecay", "\"initial_learning_rate\": 0.1, \"decay_steps\": 0")));
    assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=-2",
        error(schedule("InverseTimeDecay", "\"initial_learning_rate\": 0.1, \"decay_steps\": -2, "
            + "\"decay_rate\": 0.5")));
    assertEquals("Argument `decay_steps` must be > 0. Received: decay_steps=0",
        error(schedule("CosineDecay", "\"initial_learning_rate\": 0.1, \"decay_steps\": 0, "
            + "\"warmup_target\": 0.2, \"warmup_steps\": 2")));
    assertEquals("Argument `first_decay_steps` must be > 0. Received: first_decay_steps=0",
        error(schedule("CosineDecayRestarts",
            "\"initial_learning_rate\": 0.1, \"first_decay_steps\": 0")));
    assertEquals("The length of boundaries should be 1 less than the length of values. Received: "
        + "boundaries=[1, 2] of length 2, and values=[0.0001, 1e-05] of length 2.",
        error(schedule("PiecewiseConstantDecay",
            "\"boundaries\": [1, 2], \"values\": [0.0001, 1e-05]")));
    assertTrue(error(schedule("PolynomialDecay", "\"initial_learning_rate\": 0.1, "
        + "\"decay_steps\": 2, \"staircase\": true")).startsWith("learning rate schedule "
        + "PolynomialDecay: option staircase=true is not supported"));
  }

  private static String schedule(String className, String config) {
    return "{\"class_name\": \"SGD\", \"config\": {\"learning_rate\": {\"class_name\": \""
        + className + "\", \"config\": {" + config + "}}}}";
  }

  private static String error(String json) throws IOException {
    JsonNode node = JSON.readTree(json);
    return assertThrows(IllegalArgumentException.class, () -> OptimizerConfigs.read(node))
        .getMessage();
  }

  /** Equal JSON, fields in any order, numbers within float32 rounding. */
  private static void assertSame(String where, JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      double e = expected.doubleValue();
      assertEquals(e, actual.doubleValue(), 1e-7 * Math.max(1, Math.abs(e)), where);
      return;
    }
    if (expected.isObject()) {
      assertEquals(names(expected), names(actual), where + " keys");
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assertSame(where + "." + e.getKey(), e.getValue(), actual.path(e.getKey()));
      }
      return;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSame(where + "[" + i + "]", expected.get(i), actual.get(i));
      }
      return;
    }
    assertEquals(expected, actual, where);
  }

  private static java.util.Set<String> names(JsonNode node) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
