package io.tfbridge.examples;

import io.tfbridge.callbacks.History;
import io.tfbridge.datasets.Iris;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.preprocessing.Metrics;
import io.tfbridge.preprocessing.StandardScaler;
import io.tfbridge.preprocessing.TrainTestSplit;
import io.tfbridge.zoo.LessonModels;

/**
 * Lesson 7, section 1.1, "Basic Neural Network with Keras", line for line: a 4-10-10-3 network
 * classifies iris flowers and prints its test accuracy.
 *
 * <pre>{@code
 * double accuracy = IrisLesson.run(42, true);   // prints progress, then "Accuracy: 0.97..."
 * }</pre>
 *
 * <p>The lesson's {@code random_state=42} fixes the split; here the seed also fixes the initial
 * weights and the shuffling (Keras leaves those unseeded). A seed selects different rows than
 * scikit-learn's does (see {@link TrainTestSplit}), so accuracies are comparable over many seeds
 * ({@link IrisMedian}), not seed by seed.
 */
public final class IrisLesson {
  /** The lesson's {@code random_state}. */
  public static final long DEFAULT_SEED = 42;

  private IrisLesson() {}

  /**
   * Runs the lesson, the seed driving the split, the initial weights and the shuffling.
   *
   * @param seed the split's {@code random_state} and the model's seed
   * @param verbose whether to print Keras's epoch lines and the {@code Accuracy:} line to
   *     {@code System.out}; when false nothing is printed
   * @return the accuracy on the test set, in [0, 1]
   */
  public static double run(long seed, boolean verbose) {
    return run(seed, verbose ? new LessonConsole(System.out, true) : LessonConsole.silent());
  }

  /**
   * Runs the lesson, printing to {@code console}; its last line is {@code Accuracy: <value>}.
   *
   * @return the accuracy on the test set, in [0, 1]
   */
  public static double run(long seed, LessonConsole console) {
    // # Load and prepare dataset
    Iris.Data iris = Iris.load();                           // iris = load_iris()
    float[][] x = iris.data();                              // X = iris.data
    int[] y = iris.target();                                // y = iris.target
    // X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
    TrainTestSplit.Split split = TrainTestSplit.trainTestSplit(x, y, 0.3, seed);
    StandardScaler scaler = new StandardScaler();           // scaler = StandardScaler()
    // X_train = scaler.fit_transform(X_train)
    float[][] xTrain = scaler.fitTransform(split.xTrain());
    float[][] xTest = scaler.transform(split.xTest());      // X_test = scaler.transform(X_test)

    // # Define the model: Dense(10, relu, input_shape=(4,)), Dense(10, relu), Dense(3, softmax)
    Sequential spec = LessonModels.iris().seed(seed);
    // # Compile the model
    // model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    try (Model model = spec.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      // # Train the model
      // model.fit(X_train, y_train, epochs=30, batch_size=10, validation_split=0.2)
      History history = model.fit(xTrain, split.yTrain(),
          console.progress(FitOptions.epochs(30).batchSize(10).validationSplit(0.2)));
      console.plot(history, "lesson iris (seed " + seed + ")");
      // # Make predictions
      float[][] yPred = model.predict(xTest);         // y_pred = model.predict(X_test)
      int[] yPredClasses = Metrics.argmax(yPred);     // y_pred_classes = y_pred.argmax(axis=1)
      // # Evaluate the model
      // print("Accuracy:", accuracy_score(y_test, y_pred_classes))
      double accuracy = Metrics.accuracyScore(split.yTest(), yPredClasses);
      console.print("Accuracy:", accuracy);
      return accuracy;
    }
  }

  /** Runs the lesson with the lesson's seed, 42, printing everything. */
  public static void main(String[] args) {
    run(DEFAULT_SEED, true);
  }
}
