package io.tfbridge.examples;

import io.tfbridge.data.HostArrays;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.preprocessing.Utils;
import io.tfbridge.preprocessing.image.ImageDataGenerator;
import io.tfbridge.preprocessing.image.ImageFlow;
import io.tfbridge.zoo.LessonModels;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * The cost of the lesson's augmentation ({@code tfbridge bench --augment}): the CNN trained on
 * augmented batches from an {@code ImageDataGenerator} flow against plain batches, epochs
 * interleaved; printed, never asserted.
 */
final class AugmentBench {
  private static final int AUGMENT_ROUNDS = 5;
  private final PrintStream out;

  AugmentBench(PrintStream out) {
    this.out = out;
  }

  /** Trains the lesson CNN on {@code samples} MNIST digits, augmented and plain, in turn. */
  void run(int samples) {
    Mnist.Images train = Mnist.loadData().train();
    int n = Math.min(samples, train.count());
    FloatNdArray x = HostArrays.of(Arrays.copyOf(train.toFloatPixels(), n * 784), n, 28, 28, 1);
    FloatNdArray y = HostArrays.of(Utils.toCategorical(Arrays.copyOf(train.labels(), n), 10));
    try (Model model = LessonModels.cnn().seed(1).compile("adam", "categorical_crossentropy")) {
      model.fit(x, y, FitOptions.epochs(1).batchSize(64).verbose(0)); // warm-up
      augmented(model, x, y, n);
    }
  }

  /**
   * Epochs on augmented batches (the lesson's rotation 10, shifts 0.1, zoom 0.1) from a flow whose
   * batches are made while the previous ones train, interleaved with plain epochs so that the
   * machine's drift hits both: the median ratio is the cost of augmentation.
   */
  private void augmented(Model model, FloatNdArray x, FloatNdArray y, int n) {
    ImageDataGenerator datagen = ImageDataGenerator.of().rotationRange(10).widthShiftRange(0.1)
        .heightShiftRange(0.1).zoomRange(0.1);
    FitOptions plain = FitOptions.epochs(1).batchSize(64).verbose(0);
    FitOptions epoch = FitOptions.epochs(1).verbose(0);
    try (ImageFlow flow = datagen.flow(x, y, 64, true, 1L)) {
      model.fit(flow, epoch); // warm-up: the transform's graph
      double[] plainRates = new double[AUGMENT_ROUNDS];
      double[] rates = new double[AUGMENT_ROUNDS];
      double[] ratios = new double[AUGMENT_ROUNDS];
      for (int round = 0; round < AUGMENT_ROUNDS; round++) {
        plainRates[round] = n / JavaWorkloads.seconds(() -> model.fit(x, y, plain));
        rates[round] = n / JavaWorkloads.seconds(() -> model.fit(flow, epoch));
        ratios[round] = rates[round] / plainRates[round];
      }
      out.printf(Locale.ROOT, "cnn training with augmentation: %,.0f samples/s against %,.0f plain,"
          + " ratio %.2f (medians of %d interleaved epochs; ratios %s; flow batches made on a"
          + " background thread)%n", Stats.median(rates), Stats.median(plainRates), Stats.median(ratios),
          AUGMENT_ROUNDS, ratios(ratios));
    }
  }

  private static String ratios(double[] ratios) {
    return Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
        .collect(java.util.stream.Collectors.joining(" "));
  }
}
