package io.tfbridge.distribute;

import io.tfbridge.callbacks.History;
import io.tfbridge.layers.BatchNormalization;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.Adam;
import io.tfbridge.optimizers.Optimizer;
import io.tfbridge.optimizers.SGD;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One task of a collective training run, as a child JVM ({@code TF_CONFIG} in its environment):
 * starts its server, compiles the fixture model under {@code MultiWorkerMirroredStrategy.of(config)},
 * fits it for {@link #STEPS} steps and writes its weights, epoch loss and accuracy to a file. The
 * chief sets the initial weights ({@link #chiefWeights}) and step count ({@link #STEP_COUNT}) first,
 * which the broadcast must give every task.
 *
 * <p>Arguments: optimizer ({@code sgd} or {@code adam}), model ({@code bn}: with BatchNormalization,
 * 155 samples; {@code dense}: without, 153 samples, so that two of three tasks get no row of the last
 * batch), output file.
 */
public final class CollectiveTask {
  /** Samples: 19 batches of 8 and a last one of 3 (bn) or 1 (dense): 20 steps, the last uneven. */
  static final int BATCH = 8;
  /** The optimizer step count the chief starts from. */
  static final long STEP_COUNT = 7;
  static final int STEPS = 20;

  private CollectiveTask() {}

  public static void main(String[] args) throws IOException {
    TfConfig config = TfConfig.fromEnvironment().orElseThrow();
    WorkerServer.start(config);
    MultiWorkerMirroredStrategy strategy = MultiWorkerMirroredStrategy.of(config)
        .operationTimeout(java.time.Duration.ofSeconds(60));
    Result result = train(strategy, args[0], args[1], config.isChief());
    write(result, Path.of(args[2]));
    System.exit(0); // the server cannot be stopped (WorkerServer)
  }

  /** Weights and the epoch's loss of one training run. */
  record Result(List<float[]> weights, double loss, double accuracy, long iterations) {}

  /**
   * Trains the fixture under {@code strategy}; {@code setsWeights}: start from {@link #chiefWeights}
   * rather than the seed's draw.
   */
  static Result train(Strategy strategy, String optimizer, String modelName, boolean setsWeights) {
    int samples = modelName.equals("bn") ? 155 : 153;
    float[][] x = new float[samples][6];
    int[] y = new int[samples];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < samples; i++) {
      for (int j = 0; j < 6; j++) {
        x[i][j] = (float) random.nextDouble(-1, 1);
      }
      y[i] = random.nextInt(3);
    }
    try (Strategy.Scope scope = strategy.scope();
        Model model = spec(modelName).compile(optimizer(optimizer), "sparse_categorical_crossentropy",
            "accuracy")) {
      if (setsWeights) {
        model.setWeights(chiefWeights(model.getWeights()));
        model.graph().setIterations(STEP_COUNT); // Adam's bias correction reads it
      }
      History history = model.fit(x, y, FitOptions.epochs(1).batchSize(BATCH).shuffle(true).verbose(0));
      return new Result(model.getWeights(), history.get("loss").get(0),
          history.get("accuracy").get(0), model.graph().iterations());
    }
  }

  /**
   * {@code bn}: ReLU Dense, BatchNormalization, softmax Dense; {@code dense}: without the BN. (A bias
   * just before a BatchNormalization has a zero gradient up to rounding, which Adam would amplify into
   * rounding-sized, sign-random steps: not a fixture that can compare to 1e-5.)
   */
  static Sequential spec(String name) {
    return switch (name) {
      case "bn" -> Sequential.of(Dense.of(8).activation("relu").inputShape(6), BatchNormalization.of(),
          Dense.of(3).activation("softmax")).seed(4);
      case "dense" -> Sequential.of(Dense.of(8).activation("relu").inputShape(6),
          Dense.of(3).activation("softmax")).seed(4);
      default -> throw new IllegalArgumentException("Expected bn or dense, found " + name);
    };
  }

  static Optimizer optimizer(String name) {
    return switch (name) {
      case "sgd" -> SGD.of().learningRate(0.1).momentum(0.9);
      case "adam" -> Adam.of().learningRate(0.01);
      default -> throw new IllegalArgumentException("Expected sgd or adam, found " + name);
    };
  }

  /** Weights unlike any seed's draw (variances positive), shaped as {@code like}. */
  static List<float[]> chiefWeights(List<float[]> like) {
    List<float[]> weights = new ArrayList<>();
    for (int w = 0; w < like.size(); w++) {
      float[] values = new float[like.get(w).length];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (1.0 + 0.4 * Math.sin(0.7 * i + 1.3 * w));
      }
      weights.add(values);
    }
    return weights;
  }

  static void write(Result result, Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeDouble(result.loss());
      out.writeDouble(result.accuracy());
      out.writeLong(result.iterations());
      out.writeInt(result.weights().size());
      for (float[] w : result.weights()) {
        out.writeInt(w.length);
        for (float v : w) {
          out.writeFloat(v);
        }
      }
    }
  }

  static Result read(Path file) throws IOException {
    try (var in = new java.io.DataInputStream(Files.newInputStream(file))) {
      double loss = in.readDouble();
      double accuracy = in.readDouble();
      long iterations = in.readLong();
      List<float[]> weights = new ArrayList<>();
      for (int n = in.readInt(); n > 0; n--) {
        float[] w = new float[in.readInt()];
        for (int i = 0; i < w.length; i++) {
          w[i] = in.readFloat();
        }
        weights.add(w);
      }
      return new Result(weights, loss, accuracy, iterations);
    }
  }
}
