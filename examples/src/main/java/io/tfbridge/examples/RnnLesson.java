package io.tfbridge.examples;

import io.tfbridge.callbacks.History;
import io.tfbridge.data.HostArrays;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.preprocessing.Sequences;
import io.tfbridge.zoo.LessonModels;

/**
 * Lesson 7, section 2.2, "Basic RNN with Keras", line for line: a SimpleRNN reads three padded
 * sequences and prints its predictions, a {@code (3, 1)} array formatted as numpy prints it.
 *
 * <pre>{@code
 * RnnLesson.Result result = RnnLesson.run(42, new LessonConsole(System.out, true));
 * result.history().get("loss");   // ten losses, one per epoch
 * }</pre>
 */
public final class RnnLesson {
  /** The seed used when none is given (the lesson leaves Keras unseeded). */
  public static final long DEFAULT_SEED = 42;

  /**
   * What the lesson computed.
   *
   * @param history the per-epoch loss and accuracy of {@code fit}
   * @param predictions {@code y_pred}, one row per sequence
   */
  public record Result(History history, float[][] predictions) {}

  private RnnLesson() {}

  /**
   * Runs the lesson, printing to {@code console}; its last line is {@code Predictions: [[...]...]}.
   *
   * @param seed the model's seed: initial weights and shuffling
   */
  public static Result run(long seed, LessonConsole console) {
    // # Prepare dummy sequential data
    // X = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    int[][] x = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int[] y = {1, 0, 1};                             // y = np.array([1, 0, 1])
    // X = pad_sequences(X, padding='post', maxlen=5)
    x = Sequences.padSequences(x, 5, "post", "pre", 0);

    // # Define the model: SimpleRNN(50, relu, input_shape=(X.shape[1], 1)), Dense(1, sigmoid)
    // # Compile the model
    // model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
    try (Model model = LessonModels.rnn().seed(seed)
        .compile("adam", "binary_crossentropy", "accuracy")) {
      // # Train the model
      // model.fit(X, y, epochs=10, batch_size=1): the (3, 5) X feeds input_shape (5, 1) as in
      // Keras, the model adding the trailing axis of size 1
      History history = model.fit(HostArrays.of(x), HostArrays.of(y),
          console.progress(FitOptions.epochs(10).batchSize(1)));
      console.plot(history, "lesson rnn (seed " + seed + ")");
      // # Make predictions
      // y_pred = model.predict(X)
      float[][] yPred = HostArrays.toRows(model.predict(HostArrays.of(x)));
      console.print("Predictions:", yPred);          // print("Predictions:", y_pred)
      return new Result(history, yPred);
    }
  }

  /** Runs the lesson with seed 42, printing everything. */
  public static void main(String[] args) {
    run(DEFAULT_SEED, new LessonConsole(System.out, true));
  }
}
