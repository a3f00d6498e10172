package io.tfbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One dtype policy's CNN figures over the benchmark's rounds, both sides. */
final class CnnFigures {
  private final List<Double> java = new ArrayList<>();
  private final List<Double> keras = new ArrayList<>();
  private List<Double> lastJava = List.of();
  private List<Double> lastKeras = List.of();
  double javaPredict;
  double kerasPredict = Double.NaN;
  private double javaAccuracy = Double.NaN;
  private double kerasAccuracy = Double.NaN;

  /** Adds a tfbridge run. */
  void java(JavaWorkloads.Cnn run) {
    lastJava = run.trainRates();
    java.addAll(lastJava);
    javaPredict = Math.max(javaPredict, run.predictRate());
    javaAccuracy = run.testAccuracy();
  }

  /** Adds a Keras run (null when there is no Keras). */
  void keras(JsonNode run) {
    if (run == null) {
      return;
    }
    List<Double> rates = new ArrayList<>();
    run.get("train_samples_per_s").forEach(v -> rates.add(v.asDouble()));
    lastKeras = rates;
    keras.addAll(rates);
    double predict = run.get("predict_samples_per_s").asDouble();
    kerasPredict = Double.isNaN(kerasPredict) ? predict : Math.max(kerasPredict, predict);
    kerasAccuracy = run.get("test_accuracy").asDouble();
  }

  /** The median training samples/s of tfbridge's epochs. */
  double javaRate() {
    return Stats.median(java);
  }

  /** The median training samples/s of Keras's epochs (NaN without Keras). */
  double kerasRate() {
    return Stats.median(keras);
  }

  String lastJava() {
    return Stats.list(lastJava);
  }

  String lastKeras() {
    return Stats.list(lastKeras);
  }

  /** {@code 0.9710 / 0.9705}: this policy's last test accuracy, then {@code other}'s, one side's. */
  String accuracies(CnnFigures other, boolean tfbridge) {
    return String.format(Locale.ROOT, "%.4f / %.4f", tfbridge ? javaAccuracy : kerasAccuracy,
        tfbridge ? other.javaAccuracy : other.kerasAccuracy);
  }
}
