package io.tfbridge.zoo;

import io.tfbridge.dtypepolicies.DTypePolicy;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.models.Sequential;

/**
 * The four networks of lesson 7 ("Advanced Topics in Machine Learning"), layer for layer as the
 * lesson writes them in Keras. Each call returns a fresh, unseeded, uncompiled spec; seed it for a
 * repeatable run and compile it with the lesson's optimizer, loss and metric.
 *
 * <pre>{@code
 * Sequential spec = LessonModels.cnn().seed(0);
 * System.out.print(spec.summary());   // Total params: 225,034 (879.04 KB)
 * try (Model model = spec.compile("adam", "categorical_crossentropy", "accuracy")) {
 *   model.fit(xTrain, yTrain, FitOptions.epochs(5).batchSize(64).validationSplit(0.1));
 * }
 * }</pre>
 *
 * <p>Parameter counts, as Keras 3.15.1 reports them ({@code models/python/param_counts.py}):
 * iris 193, cnn 225,034, rnn 2,651, distributed MLP 55,050.
 */
public final class LessonModels {

  /** Features per iris flower: sepal and petal length and width. */
  public static final int IRIS_FEATURES = 4;
  /** Iris species: setosa, versicolor, virginica. */
  public static final int IRIS_CLASSES = 3;
  /** The side of an MNIST digit, in pixels. */
  public static final int MNIST_SIDE = 28;
  /** The digits 0 to 9. */
  public static final int MNIST_CLASSES = 10;
  /** The length of the RNN's padded sequences ({@code pad_sequences(..., maxlen=5)}). */
  public static final int RNN_TIMESTEPS = 5;

  private LessonModels() {}

  /**
   * Section 1.1, the basic neural network for iris:
   * <pre>
   * model = Sequential([
   *     Dense(10, activation='relu', input_shape=(X_train.shape[1],)),
   *     Dense(10, activation='relu'),
   *     Dense(3, activation='softmax')])
   * </pre>
   */
  public static Sequential iris() {
    return Sequential.of(
        Dense.of(10).activation("relu").inputShape(IRIS_FEATURES),
        Dense.of(10).activation("relu"),
        Dense.of(IRIS_CLASSES).activation("softmax"));
  }

  /**
   * Section 2.1, the basic CNN for MNIST:
   * <pre>
   * model = Sequential([
   *     Conv2D(32, kernel_size=(3, 3), activation='relu', input_shape=(28, 28, 1)),
   *     MaxPooling2D(pool_size=(2, 2)),
   *     Conv2D(64, kernel_size=(3, 3), activation='relu'),
   *     MaxPooling2D(pool_size=(2, 2)),
   *     Flatten(),
   *     Dense(128, activation='relu'),
   *     Dense(10, activation='softmax')])
   * </pre>
   */
  public static Sequential cnn() {
    return cnn(Dense.of(MNIST_CLASSES).activation("softmax"));
  }

  /**
   * The same CNN under Keras's mixed-precision advice: every layer under {@code policy}, the output
   * layer in float32 ({@code Dense(10, activation='softmax', dtype='float32')}), as Keras's guide
   * writes a {@code mixed_bfloat16} model.
   */
  public static Sequential cnn(DTypePolicy policy) {
    DTypePolicy previous = DTypePolicy.globalPolicy();
    DTypePolicy.setGlobalPolicy(policy.name());
    try {
      return cnn(Dense.of(MNIST_CLASSES).activation("softmax").dtype(DTypePolicy.FLOAT32));
    } finally {
      DTypePolicy.setGlobalPolicy(previous.name());
    }
  }

  private static Sequential cnn(Dense output) {
    return Sequential.of(
        Conv2D.of(32, 3, 3).activation("relu").inputShape(MNIST_SIDE, MNIST_SIDE, 1),
        MaxPooling2D.of(2, 2),
        Conv2D.of(64, 3, 3).activation("relu"),
        MaxPooling2D.of(2, 2),
        Flatten.of(),
        Dense.of(128).activation("relu"),
        output);
  }

  /**
   * Section 2.2, the basic RNN over padded sequences:
   * <pre>
   * model = Sequential([
   *     SimpleRNN(50, activation='relu', input_shape=(X.shape[1], 1)),
   *     Dense(1, activation='sigmoid')])
   * </pre>
   */
  public static Sequential rnn() {
    return Sequential.of(
        SimpleRNN.of(50).activation("relu").inputShape(RNN_TIMESTEPS, 1),
        Dense.of(1).activation("sigmoid"));
  }

  /**
   * Section 3.2, the network the lesson trains under {@code tf.distribute.MirroredStrategy}:
   * <pre>
   * model = Sequential([
   *     Dense(64, activation='relu', input_shape=(784,)),
   *     Dense(64, activation='relu'),
   *     Dense(10, activation='softmax')])
   * </pre>
   */
  public static Sequential distributedMlp() {
    return Sequential.of(
        Dense.of(64).activation("relu").inputShape(MNIST_SIDE * MNIST_SIDE),
        Dense.of(64).activation("relu"),
        Dense.of(MNIST_CLASSES).activation("softmax"));
  }
}
