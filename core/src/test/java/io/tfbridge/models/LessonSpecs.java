package io.tfbridge.models;

import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;

/** The lesson's three architectures, as the tests of core build them. */
final class LessonSpecs {
  private LessonSpecs() {}

  static Sequential iris() {
    return Sequential.of(
        Dense.of(10).activation("relu").inputShape(4),
        Dense.of(10).activation("relu"),
        Dense.of(3).activation("softmax"));
  }

  static Sequential cnn() {
    return Sequential.of(
        Conv2D.of(32, 3, 3).activation("relu").inputShape(28, 28, 1),
        MaxPooling2D.of(2, 2),
        Conv2D.of(64, 3, 3).activation("relu"),
        MaxPooling2D.of(2, 2),
        Flatten.of(),
        Dense.of(128).activation("relu"),
        Dense.of(10).activation("softmax"));
  }

  static Sequential rnn() {
    return Sequential.of(
        SimpleRNN.of(50).activation("relu").inputShape(5, 1),
        Dense.of(1).activation("sigmoid"));
  }
}
