package io.tfbridge.distribute;

import io.tfbridge.callbacks.History;
import io.tfbridge.callbacks.TensorBoard;
import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.DataBatch;
import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.BatchNormalization;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Input;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.preprocessing.image.DirectoryIterator;
import io.tfbridge.preprocessing.image.ImageDataGenerator;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * One task of a collective run of what is sharded besides {@code fit(x, y)}, as a child JVM
 * ({@code TF_CONFIG} in its environment), or the same run in one process: {@code evaluate} and fit's
 * validation (a last batch of 1 row: a task of two gets none), {@code fit} on a
 * {@link BatchSequence} of its own (BatchNormalization; and a model without, whose last batch of 1
 * row leaves a task none) and on {@code flow_from_directory}, recording which images it decoded.
 *
 * <p>Arguments: the image directory ({@link #writeImages}), the output file.
 */
public final class ShardedTask {
  /** Images of {@link #writeImages}: 14, in batches of 6, 6 and 2, for 2 epochs. */
  static final int IMAGES = 14;
  static final int IMAGE_BATCH = 6;

  private ShardedTask() {}

  public static void main(String[] args) throws IOException {
    TfConfig config = TfConfig.fromEnvironment().orElseThrow();
    WorkerServer.start(config);
    Result result = run(MultiWorkerMirroredStrategy.of(config), MultiWorkerMirroredStrategy.of(config),
        Path.of(args[0]), Path.of(args[1] + ".logs"));
    write(result, Path.of(args[1]));
    System.exit(0); // the server cannot be stopped (WorkerServer)
  }

  /**
   * The figures and weights of one run: evaluate's, fit's with validation data, and the weights
   * after fitting each sequence; {@code decoded}: the ids of the images the directory source decoded,
   * in order.
   */
  record Result(double evalLoss, double evalAccuracy, double valLoss, double valAccuracy,
      List<float[]> sequenceWeights, List<float[]> denseWeights, List<float[]> imageWeights,
      List<Integer> decoded) implements Serializable {}

  /**
   * The run under {@code strategy}; the model without BatchNormalization under {@code dense}; the fit
   * with validation has a TensorBoard callback writing to {@code logs} (the chief's only).
   */
  static Result run(Strategy strategy, Strategy dense, Path images, Path logs) {
    float[][] x = rows(86, 6, 9);
    int[] y = classes(86, 3, 9);
    float[][] trainX = java.util.Arrays.copyOfRange(x, 0, 45);
    int[] trainY = java.util.Arrays.copyOfRange(y, 0, 45);
    FloatNdArray validX = HostArrays.of(java.util.Arrays.copyOfRange(x, 45, 86));
    FloatNdArray validY = HostArrays.of(java.util.Arrays.copyOfRange(y, 45, 86));
    Map<String, Double> evaluated;
    History history;
    List<float[]> sequenceWeights;
    try (Strategy.Scope scope = strategy.scope(); Model model = compiled(CollectiveTask.spec("bn"))) {
      evaluated = model.evaluate(validX, validY, 8); // 41 samples: the last batch of 1 row
      history = model.fit(HostArrays.of(trainX), HostArrays.of(trainY), FitOptions.epochs(1)
          .batchSize(8).shuffle(true).verbose(0).validationData(validX, validY)
          .callbacks(TensorBoard.of(logs)));
      model.fit(batches(trainX, trainY, 8), FitOptions.epochs(1).verbose(0)); // 8 x 5, then 5
      sequenceWeights = model.getWeights();
    }
    List<float[]> denseWeights;
    try (Strategy.Scope scope = dense.scope(); Model model = compiled(CollectiveTask.spec("dense"))) {
      model.fit(batches(trainX, trainY, 11), FitOptions.epochs(2).verbose(0)); // 11 x 4, then 1
      denseWeights = model.getWeights();
    }
    List<Integer> decoded = Collections.synchronizedList(new ArrayList<>());
    List<float[]> imageWeights = fitImages(strategy, images, decoded);
    return new Result(evaluated.get("loss"), evaluated.get("accuracy"),
        history.get("val_loss").get(0), history.get("val_accuracy").get(0), sequenceWeights,
        denseWeights, imageWeights, List.copyOf(decoded));
  }

  /** Every task starts from the same weights (unlike the seed's draw), as the broadcast would give. */
  private static Model compiled(Sequential spec) {
    Model model = spec.compile(CollectiveTask.optimizer("sgd"), "sparse_categorical_crossentropy",
        "accuracy");
    model.setWeights(CollectiveTask.chiefWeights(model.getWeights()));
    return model;
  }

  /** Trains on the images of {@code dir} for 2 epochs, adding each decoded image's id to {@code ids}. */
  private static List<float[]> fitImages(Strategy strategy, Path dir, List<Integer> ids) {
    ImageDataGenerator generator = ImageDataGenerator.of().rescale(1 / 255.0).horizontalFlip(true)
        .preprocessingFunction(image -> {
          ids.add(Math.round(image.getFloat(0, 0, 0) / 10)); // after the flip, which keeps it
          return image;
        });
    try (Strategy.Scope scope = strategy.scope();
        Model model = compiled(Sequential.of(Input.of(4, 4, 1), Flatten.of(),
            Dense.of(4).activation("relu"), BatchNormalization.of(),
            Dense.of(2).activation("softmax")).seed(4));
        DirectoryIterator source = generator.flowFromDirectory(dir, 4, 4, "grayscale", "sparse",
            IMAGE_BATCH, true, 1, null)) {
      model.fit(source, FitOptions.epochs(2).verbose(0));
      return model.getWeights();
    }
  }

  /**
   * {@link #IMAGES} grey 4x4 PNGs in folders {@code a} and {@code b} (image i in {@code i % 2});
   * pixels (0, 0) and (0, 3) of image i are {@code 10 * i} (a horizontal flip keeps its id), the
   * others vary.
   */
  static void writeImages(Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < IMAGES; i++) {
      var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      for (int p = 0; p < 16; p++) {
        image.getRaster().setSample(p % 4, p / 4, 0, p == 0 || p == 3 ? 10 * i : random.nextInt(256));
      }
      Path file = dir.resolve((i % 2 == 0 ? "a" : "b") + "/img_" + (char) ('a' + i) + ".png");
      Files.createDirectories(file.getParent());
      javax.imageio.ImageIO.write(image, "png", file.toFile());
    }
  }

  /** A sequence of {@code x, y} in batches of {@code size}, the last one smaller. */
  private static BatchSequence batches(float[][] x, int[] y, int size) {
    FloatNdArray xs = HostArrays.of(x);
    FloatNdArray ys = HostArrays.of(y);
    return new BatchSequence() {
      public int size() {
        return (x.length + size - 1) / size;
      }

      public DataBatch get(int index) {
        long from = (long) index * size;
        return DataBatch.of(xs, ys).rows(from, Math.min(x.length, from + size));
      }
    };
  }

  private static float[][] rows(int n, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] x = new float[n][features];
    for (float[] row : x) {
      for (int j = 0; j < features; j++) {
        row[j] = (float) random.nextDouble(-1, 1);
      }
    }
    return x;
  }

  private static int[] classes(int n, int classes, long seed) {
    return new SplittableRandom(seed + 1).ints(n, 0, classes).toArray();
  }

  static void write(Result result, Path file) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(result);
    }
  }

  static Result read(Path file) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return (Result) in.readObject();
    }
  }
}
