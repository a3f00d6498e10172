package io.tfbridge.examples;

import io.tfbridge.callbacks.History;
import io.tfbridge.data.HostArrays;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.dtypepolicies.DTypePolicy;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.preprocessing.Utils;
import io.tfbridge.preprocessing.image.ImageDataGenerator;
import io.tfbridge.preprocessing.image.ImageFlow;
import io.tfbridge.zoo.LessonModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Lesson 7, section 2.1, "Basic CNN with Keras", line for line: a two-convolution network learns
 * MNIST digits and prints its test accuracy.
 *
 * <pre>{@code
 * LessonConsole console = new LessonConsole(System.out, true);
 * double accuracy = CnnLesson.run(CnnLesson.Settings.lesson(), console);
 * }</pre>
 *
 * <p>{@code mnist.load_data()} is {@link Mnist#loadData()}: the 10,000-digit subset bundled with
 * tfbridge (8,000 train, 2,000 test), or the full dataset from {@link Settings#data()}.
 */
public final class CnnLesson {

  /**
   * How to run the lesson.
   *
   * @param epochs the epochs of {@code fit}; the lesson's 5
   * @param limit at most this many training and this many test digits (the first ones), or 0
   *     for all
   * @param data a directory of MNIST IDX files or a Keras {@code mnist.npz}, or null for the
   *     bundled subset
   * @param seed the model's seed: initial weights and shuffling (the lesson leaves them unseeded)
   * @param augment whether to train on augmented batches (rotation 10, shifts 0.1, zoom 0.1) from
   *     an {@code ImageDataGenerator} flow, validating on the last tenth of the training digits
   * @param policy the layers' dtype policy, as {@code keras.mixed_precision.set_global_policy}
   *     (the output layer stays float32, as Keras's guide advises)
   */
  public record Settings(int epochs, int limit, Path data, long seed, boolean augment,
      DTypePolicy policy) {

    /** Checks the numbers. */
    public Settings {
      if (epochs < 1 || limit < 0) {
        throw new IllegalArgumentException("epochs must be >= 1 and limit >= 0, found epochs="
            + epochs + ", limit=" + limit);
      }
    }

    /** The lesson's settings: 5 epochs on every bundled digit, seed 42. */
    public static Settings lesson() {
      return new Settings(5, 0, null, 42, false, DTypePolicy.FLOAT32);
    }
  }

  private CnnLesson() {}

  /**
   * Runs the lesson, printing to {@code console}; its last line is {@code Test Accuracy: <value>}.
   *
   * @return the accuracy on the test set, in [0, 1]
   * @throws IOException if {@code settings.data()} cannot be read
   */
  public static double run(Settings settings, LessonConsole console) throws IOException {
    // # Load and prepare dataset
    // (X_train, y_train), (X_test, y_test) = mnist.load_data()
    Mnist.Split mnist = settings.data() == null
        ? Mnist.loadData() : Mnist.loadData(settings.data());
    Mnist.Images train = first(mnist.train(), settings.limit());
    Mnist.Images test = first(mnist.test(), settings.limit());
    // X_train = X_train.reshape(-1, 28, 28, 1).astype('float32') / 255
    FloatNdArray xTrain = HostArrays.of(train.toFloatPixels(), train.count(), 28, 28, 1);
    // X_test = X_test.reshape(-1, 28, 28, 1).astype('float32') / 255
    FloatNdArray xTest = HostArrays.of(test.toFloatPixels(), test.count(), 28, 28, 1);
    // y_train = to_categorical(y_train)
    FloatNdArray yTrain = HostArrays.of(Utils.toCategorical(train.labels()));
    // y_test = to_categorical(y_test)
    FloatNdArray yTest = HostArrays.of(Utils.toCategorical(test.labels()));

    // # Define the model: Conv2D(32), MaxPooling2D, Conv2D(64), MaxPooling2D, Flatten,
    // # Dense(128), Dense(10)
    // # Compile the model
    // model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
    try (Model model = LessonModels.cnn(settings.policy()).seed(settings.seed())
        .compile("adam", "categorical_crossentropy", "accuracy")) {
      // # Train the model
      // model.fit(X_train, y_train, epochs=5, batch_size=64, validation_split=0.1)
      FitOptions options = FitOptions.epochs(settings.epochs()).batchSize(64).validationSplit(0.1);
      History history = settings.augment()
          ? fitAugmented(model, xTrain, yTrain, console.progress(options), settings.seed())
          : model.fit(xTrain, yTrain, console.progress(options));
      console.plot(history, "lesson cnn (MNIST" + (settings.augment() ? ", augmented" : "")
          + ", seed " + settings.seed() + ")");
      // # Evaluate the model
      // loss, accuracy = model.evaluate(X_test, y_test)
      Map<String, Double> scores = model.evaluate(xTest, yTest);
      double accuracy = scores.get("accuracy");
      console.print("Test Accuracy:", accuracy);  // print("Test Accuracy:", accuracy)
      return accuracy;
    }
  }

  /**
   * {@code model.fit(datagen.flow(X_fit, y_fit, batch_size=64), validation_data=(X_val, y_val))}
   * with rotation 10, shifts 0.1 and zoom 0.1, the last tenth of the digits validating (as
   * validation_split=0.1 takes it).
   */
  private static History fitAugmented(Model model, FloatNdArray x, FloatNdArray y,
      FitOptions options, long seed) {
    long n = x.shape().get(0);
    long split = (long) Math.ceil(n * 0.9);
    var fit = org.tensorflow.ndarray.index.Indices.range(0, split);
    var val = org.tensorflow.ndarray.index.Indices.range(split, n);
    ImageDataGenerator datagen = ImageDataGenerator.of().rotationRange(10).widthShiftRange(0.1)
        .heightShiftRange(0.1).zoomRange(0.1);
    try (ImageFlow flow = datagen.flow(x.slice(fit), y.slice(fit), 64, true, seed)) {
      return model.fit(flow, options.validationSplit(0)
          .validationData(x.slice(val), y.slice(val)));
    }
  }

  /** The first {@code limit} images (all when {@code limit} is 0 or at least their number). */
  static Mnist.Images first(Mnist.Images images, int limit) {
    if (limit == 0 || limit >= images.count()) {
      return images;
    }
    int pixels = limit * images.rows() * images.cols();
    return new Mnist.Images(Arrays.copyOf(images.pixels(), pixels),
        Arrays.copyOf(images.labels(), limit), limit, images.rows(), images.cols());
  }

  /** Runs the lesson as written: 5 epochs on the bundled digits, printing everything. */
  public static void main(String[] args) throws IOException {
    run(Settings.lesson(), new LessonConsole(System.out, true));
  }
}
