package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfbridge.activations.Activation;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Java callbacks fed the scripted epoch logs that real Keras callbacks were fed by
 * {@code models/python/make_callback_golden.py} make the same decisions, rates and messages.
 */
class KerasCallbackGoldenTest {
  static final String DIR = "/callbacks/";
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  static JsonNode golden() throws IOException {
    try (InputStream in = KerasCallbackGoldenTest.class.getResourceAsStream(DIR + "callbacks.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** The model Keras's callbacks were bound to: Dense(3, softmax) on 2 inputs, SGD, accuracy. */
  static Model model() {
    return Sequential.of(Dense.of(3).activation(Activation.SOFTMAX).inputShape(2)).seed(1)
        .compile("sgd", "sparse_categorical_crossentropy", "accuracy");
  }

  static double number(JsonNode node) {
    return node.isTextual() ? Double.parseDouble(node.asText().replace("inf", "Infinity")
        .replace("nan", "NaN")) : node.asDouble();
  }

  static Map<String, Double> logs(JsonNode node) {
    Map<String, Double> logs = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> logs.put(e.getKey(), number(e.getValue())));
    return logs;
  }

  private String printed() {
    String text = printed.toString(StandardCharsets.UTF_8);
    printed.reset();
    return text;
  }

  /** Calls the hooks as fit (and the Python script) does; returns the epochs' stop flags. */
  private static List<Boolean> drive(Model model, Callback callback, JsonNode epochs,
      boolean marker, List<Double> rates, List<Double> logRates) {
    model.setStopTraining(false);
    callback.setModel(model);
    callback.onTrainBegin(new LinkedHashMap<>());
    List<Boolean> stops = new ArrayList<>();
    for (int epoch = 0; epoch < epochs.size(); epoch++) {
      callback.onEpochBegin(epoch, new LinkedHashMap<>());
      if (marker) {
        setMarker(model, epoch + 1);
      }
      Map<String, Double> logs = logs(epochs.get(epoch));
      callback.onEpochEnd(epoch, logs);
      stops.add(model.stopTraining());
      rates.add(model.learningRate());
      logRates.add(logs.get("learning_rate"));
      if (model.stopTraining()) {
        break;
      }
    }
    callback.onTrainEnd(new LinkedHashMap<>());
    return stops;
  }

  static void setMarker(Model model, float value) {
    List<float[]> weights = new ArrayList<>();
    for (float[] w : model.getWeights()) {
      float[] filled = new float[w.length];
      Arrays.fill(filled, value);
      weights.add(filled);
    }
    model.setWeights(weights);
  }

  private EarlyStopping earlyStopping(JsonNode kwargs) {
    EarlyStopping es = EarlyStopping.of().printTo(out);
    for (var it = kwargs.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      es = switch (e.getKey()) {
        case "monitor" -> es.monitor(v.asText());
        case "min_delta" -> es.minDelta(v.asDouble());
        case "patience" -> es.patience(v.asInt());
        case "verbose" -> es.verbose(v.asInt());
        case "mode" -> es.mode(v.asText());
        case "baseline" -> es.baseline(v.asDouble());
        case "restore_best_weights" -> es.restoreBestWeights(v.asBoolean());
        case "start_from_epoch" -> es.startFromEpoch(v.asInt());
        default -> throw new IllegalArgumentException(e.getKey());
      };
    }
    return es;
  }

  private ReduceLROnPlateau reduceLr(JsonNode kwargs) {
    ReduceLROnPlateau r = ReduceLROnPlateau.of().printTo(out);
    for (var it = kwargs.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      r = switch (e.getKey()) {
        case "monitor" -> r.monitor(v.asText());
        case "factor" -> r.factor(v.asDouble());
        case "patience" -> r.patience(v.asInt());
        case "verbose" -> r.verbose(v.asInt());
        case "mode" -> r.mode(v.asText());
        case "min_delta" -> r.minDelta(v.asDouble());
        case "cooldown" -> r.cooldown(v.asInt());
        case "min_lr" -> r.minLr(v.asDouble());
        default -> throw new IllegalArgumentException(e.getKey());
      };
    }
    return r;
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
    List<T> values = new ArrayList<>();
    array.forEach(n -> values.add(n.isNull() ? null : read.apply(n)));
    return values;
  }

  @Test
  void earlyStoppingDecidesAsKeras() throws IOException {
    try (Model model = model()) {
      for (JsonNode c : golden().get("early_stopping")) {
        String name = c.get("name").asText();
        EarlyStopping es = earlyStopping(c.get("kwargs"));
        List<Boolean> stops = drive(model, es, c.get("epochs"), true, new ArrayList<>(),
            new ArrayList<>());
        assertEquals(list(c.get("stop_training"), JsonNode::asBoolean), stops, name);
        assertEquals(c.get("stopped_epoch").asInt(), es.stoppedEpoch(), name);
        assertEquals(c.get("best_epoch").asInt(), es.bestEpoch(), name);
        assertEquals(number(c.get("best")), es.best().getAsDouble(), 0, name);
        assertEquals(c.get("weights_after").asDouble(), model.getWeights().get(0)[0], 0, name);
        assertEquals(c.get("printed").asText(), printed(), name);
      }
    }
  }

  @Test
  void reduceLrOnPlateauLowersTheRateAsKeras() throws IOException {
    try (Model model = model()) {
      for (JsonNode c : golden().get("reduce_lr_on_plateau")) {
        String name = c.get("name").asText();
        model.setLearningRate(c.get("initial_learning_rate").asDouble());
        List<Double> rates = new ArrayList<>();
        List<Double> logRates = new ArrayList<>();
        drive(model, reduceLr(c.get("kwargs")), c.get("epochs"), false, rates, logRates);
        assertEquals(list(c.get("learning_rate"), JsonNode::asDouble), rates, name);
        assertEquals(list(c.get("logs_learning_rate"), JsonNode::asDouble), logRates, name);
        assertEquals(c.get("printed").asText(), printed(), name);
      }
    }
  }

  @Test
  void learningRateSchedulerSetsTheRatesAsKeras() throws IOException {
    Map<String, LearningRateScheduler.Schedule> schedules = Map.of(
        "halve_odd_epochs", (epoch, lr) -> epoch % 2 == 1 ? lr * 0.5 : lr,
        "third_after_one", (epoch, lr) -> epoch < 1 ? lr : lr / 3.0,
        "by_epoch", (epoch, lr) -> 0.1 / (epoch + 1));
    try (Model model = model()) {
      for (JsonNode c : golden().get("learning_rate_scheduler")) {
        String name = c.get("name").asText();
        model.setLearningRate(c.get("initial_learning_rate").asDouble());
        List<Double> rates = new ArrayList<>();
        List<Double> logRates = new ArrayList<>();
        LearningRateScheduler scheduler = LearningRateScheduler.of(schedules.get(name)).verbose(1)
            .printTo(out);
        drive(model, scheduler, new ObjectMapper().readTree("[{},{},{},{}]"), false, rates,
            logRates);
        assertEquals(list(c.get("learning_rate"), JsonNode::asDouble), rates, name);
        assertEquals(list(c.get("logs_learning_rate"), JsonNode::asDouble), logRates, name);
        assertEquals(c.get("printed").asText(), printed(), name);
      }
    }
  }

  @Test
  void terminateOnNanStopsAndPrintsAsKeras() throws IOException {
    try (Model model = model()) {
      for (JsonNode c : golden().get("terminate_on_nan")) {
        model.setStopTraining(false);
        TerminateOnNaN callback = new TerminateOnNaN().raiseError(c.get("raise_error").asBoolean())
            .printTo(out);
        callback.setModel(model);
        Map<String, Double> logs = Map.of("loss", number(c.get("loss")));
        int batch = c.get("batch").asInt();
        if (c.get("error").isNull()) {
          callback.onTrainBatchEnd(batch, logs);
        } else {
          var e = assertThrows(IllegalStateException.class,
              () -> callback.onTrainBatchEnd(batch, logs));
          assertEquals(c.get("error").asText(), e.getMessage());
        }
        assertEquals(c.get("stop_training").asBoolean(), model.stopTraining(), c.toString());
        assertEquals(c.get("printed").asText(), printed(), c.toString());
      }
    }
  }
}
