package io.tfbridge.examples;

import io.tfbridge.data.HostArrays;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Functional;
import io.tfbridge.models.Model;
import io.tfbridge.models.ModelSpec;
import io.tfbridge.models.NestedModel;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.preprocessing.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Transfer learning from a Python-trained model, Keras's recipe in Java: a Keras-made image backbone
 * (a small CNN trained in Python on the digits 0 to 4, bundled as {@code mnist_backbone.keras}; see
 * {@code models/python/make_transfer_backbone.py}) is loaded from its {@code .keras} file, frozen, given
 * a new 10-class head, and the head is trained on all ten MNIST digits; the model is saved as a
 * {@code .keras} file Keras loads.
 *
 * <pre>{@code
 * TransferLesson.Result r = TransferLesson.run(TransferLesson.Settings.lesson(), console);
 * }</pre>
 */
public final class TransferLesson {
  /** The bundled backbone, a resource of this package. */
  static final String BACKBONE = "mnist_backbone.keras";

  /**
   * How to run the lesson.
   *
   * @param epochs epochs of training the head
   * @param limit at most this many training and test digits, or 0 for all bundled ones
   * @param backbone a Keras backbone file ({@code .keras} or {@code .h5}), or null for the bundled one
   * @param output where the fine-tuned model is saved ({@code .keras} or {@code .h5})
   * @param seed the head's initial weights and shuffling
   */
  public record Settings(int epochs, int limit, Path backbone, Path output, long seed) {

    /** Checks the numbers. */
    public Settings {
      if (epochs < 1 || limit < 0 || output == null) {
        throw new IllegalArgumentException("epochs must be >= 1, limit >= 0 and output given, found "
            + "epochs=" + epochs + ", limit=" + limit + ", output=" + output);
      }
    }

    /** The lesson's settings: 5 epochs on every bundled digit, saved to {@code transfer.keras}. */
    public static Settings lesson() {
      return new Settings(5, 0, null, Path.of("transfer.keras"), 42);
    }
  }

  /** The test loss before and after training the head, the test accuracy after, and the file. */
  public record Result(double lossBefore, double lossAfter, double accuracy, Path saved) {}

  private TransferLesson() {}

  /**
   * Runs the lesson, printing to {@code console}.
   *
   * @throws IOException if the backbone cannot be read or the model cannot be written
   */
  public static Result run(Settings settings, LessonConsole console) throws IOException {
    Mnist.Split mnist = Mnist.loadData();
    Mnist.Images train = CnnLesson.first(mnist.train(), settings.limit());
    Mnist.Images test = CnnLesson.first(mnist.test(), settings.limit());
    FloatNdArray xTrain = HostArrays.of(train.toFloatPixels(), train.count(), 28, 28, 1);
    FloatNdArray xTest = HostArrays.of(test.toFloatPixels(), test.count(), 28, 28, 1);
    FloatNdArray yTrain = HostArrays.of(Utils.toCategorical(train.labels(), 10));
    FloatNdArray yTest = HostArrays.of(Utils.toCategorical(test.labels(), 10));
    Path file = settings.backbone() != null ? settings.backbone() : bundledBackbone();
    try {
      return fineTune(file, settings, console, xTrain, yTrain, xTest, yTest);
    } finally {
      if (settings.backbone() == null) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static Result fineTune(Path backboneFile, Settings settings, LessonConsole console,
      FloatNdArray xTrain, FloatNdArray yTrain, FloatNdArray xTest, FloatNdArray yTest) {
    // base_model = keras.models.load_model("mnist_backbone.keras"); base_model.trainable = False
    ModelSpec base = KerasFiles.readSpec(backboneFile);
    NestedModel backbone = NestedModel.of(base).trainable(false);
    // inputs = keras.Input((28, 28, 1)); x = base_model(inputs, training=False)
    KerasTensor inputs = Input.of(28, 28, 1).name("digit").tensor();
    KerasTensor features = backbone.apply(inputs);
    // outputs = keras.layers.Dense(10, activation="softmax")(x)
    KerasTensor outputs = Dense.of(10).activation("softmax").name("digit_head").apply(features);
    // model.compile(optimizer=keras.optimizers.Adam(0.01), loss="categorical_crossentropy", ...)
    try (Model pretrained = KerasFiles.load(backboneFile);
        Model model = Functional.of(inputs, outputs).name("transfer").seed(settings.seed())
            .compile(Adam.of().learningRate(0.01), "categorical_crossentropy", "accuracy")) {
      model.getLayer(backbone.name().orElseThrow()).setWeights(pretrained.getWeights());
      String source = settings.backbone() != null ? backboneFile.toString() : BACKBONE + " (bundled)";
      console.println("Backbone: " + base.name() + " from " + source
          + ", frozen; training the new head on all ten digits");
      double before = model.evaluate(xTest, yTest).get("loss");
      console.print("Test loss before training the head:", before);
      model.fit(xTrain, yTrain, console.progress(FitOptions.epochs(settings.epochs()).batchSize(64)
          .validationSplit(0.1)));
      Map<String, Double> scores = model.evaluate(xTest, yTest);
      console.print("Test loss after:", scores.get("loss"));
      console.print("Test Accuracy:", scores.get("accuracy"));
      KerasFiles.save(model, settings.output());
      console.println("Saved the fine-tuned model to " + settings.output());
      return new Result(before, scores.get("loss"), scores.get("accuracy"), settings.output());
    }
  }

  /** The bundled backbone, copied to a temporary file (a Keras file is read from a path). */
  private static Path bundledBackbone() throws IOException {
    Path file = Files.createTempFile("mnist_backbone", ".keras");
    try (InputStream in = TransferLesson.class.getResourceAsStream(BACKBONE)) {
      if (in == null) {
        throw new IOException("the bundled backbone " + BACKBONE + " is missing from the classpath");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** Runs the lesson as written. */
  public static void main(String[] args) throws IOException {
    run(Settings.lesson(), new LessonConsole(System.out, true));
  }
}
