package io.tfbridge.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lesson's architectures have Keras's parameter counts, as printed by
 * {@code models/python/param_counts.py} with Keras 3.15.1 (per layer and in total).
 */
class LessonModelsTest {
  private static final Pattern TOTAL = Pattern.compile("Total params: ([\\d,]+) \\(");
  private static final Pattern TRAINABLE = Pattern.compile("Trainable params: ([\\d,]+) \\(");

  @Test
  void irisHasKerasParameterCounts() {
    assertCounts(LessonModels.iris(), 193, List.of(50L, 110L, 33L));
  }

  @Test
  void cnnHasKerasParameterCounts() {
    assertCounts(LessonModels.cnn(), 225_034, List.of(320L, 0L, 18_496L, 0L, 0L, 204_928L, 1_290L));
  }

  @Test
  void rnnHasKerasParameterCounts() {
    assertCounts(LessonModels.rnn(), 2_651, List.of(2_600L, 51L));
  }

  @Test
  void distributedMlpHasKerasParameterCounts() {
    assertCounts(LessonModels.distributedMlp(), 55_050, List.of(50_240L, 4_160L, 650L));
  }

  @Test
  void summariesPrintKerasTotals() {
    assertEquals("193", total(TOTAL, LessonModels.iris().summary()));
    assertEquals("225,034", total(TOTAL, LessonModels.cnn().summary()));
    assertEquals("2,651", total(TOTAL, LessonModels.rnn().summary()));
    assertEquals("55,050", total(TOTAL, LessonModels.distributedMlp().summary()));
    assertEquals("225,034", total(TRAINABLE, LessonModels.cnn().summary()));
  }

  @Test
  void layerNamesAndOutputShapesFollowKeras() {
    List<LayerNode> cnn = LessonModels.cnn().build();
    assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten",
        "dense", "dense_1"), cnn.stream().map(LayerNode::name).toList());
    assertEquals(1600, cnn.get(4).outputShape().get(1));
    assertEquals("simple_rnn", LessonModels.rnn().build().get(0).name());
  }

  @Test
  void eachCallReturnsAFreshSpec() {
    assertNotSame(LessonModels.iris(), LessonModels.iris());
    assertEquals("sequential", LessonModels.rnn().name());
  }

  @Test
  void compiledModelsHoldThatManyWeights() {
    assertWeights(LessonModels::iris, "sparse_categorical_crossentropy", 193);
    assertWeights(LessonModels::rnn, "binary_crossentropy", 2_651);
  }

  private static void assertCounts(Sequential spec, long total, List<Long> perLayer) {
    List<LayerNode> nodes = spec.build();
    assertEquals(perLayer, nodes.stream().map(LayerNode::parameterCount).toList());
    assertEquals(total, nodes.stream().mapToLong(LayerNode::parameterCount).sum());
    assertEquals(total, nodes.stream().mapToLong(LayerNode::trainableParameterCount).sum());
  }

  private static String total(Pattern pattern, String summary) {
    Matcher m = pattern.matcher(summary);
    assertTrue(m.find(), () -> "no " + pattern + " in\n" + summary);
    return m.group(1);
  }

  private static void assertWeights(Supplier<Sequential> spec, String loss, long expected) {
    try (Model model = spec.get().seed(1).compile("adam", loss, "accuracy")) {
      long count = model.getWeights().stream().mapToLong(w -> w.length).sum();
      assertEquals(expected, count);
    }
  }
}
