package io.tfbridge.examples;

import io.tfbridge.data.DataBatch;
import io.tfbridge.data.HostArrays;
import io.tfbridge.datasets.Mnist;
import io.tfbridge.preprocessing.image.ImageDataGenerator;
import io.tfbridge.preprocessing.image.ImageFlow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Lesson 7, section 3.1, "Data Augmentation", line for line: an {@link ImageDataGenerator} with the
 * lesson's parameters makes augmented variants of an MNIST digit; where the lesson shows each with
 * {@code plt.imshow}, this writes them into one PNG grid, the original first.
 *
 * <pre>{@code
 * AugmentLesson.run(new AugmentLesson.Settings(Path.of("augmented.png"), 12, 0, 42),
 *     LessonConsole.silent());
 * }</pre>
 */
public final class AugmentLesson {

  /**
   * How to run the lesson.
   *
   * @param out the PNG file to write
   * @param variants how many augmented variants to draw (the lesson shows one per loop turn)
   * @param digit which of the bundled training digits to augment
   * @param seed the flow's seed
   */
  public record Settings(Path out, int variants, int digit, long seed) {
    /** Checks the numbers. */
    public Settings {
      if (variants < 1 || digit < 0) {
        throw new IllegalArgumentException("variants must be >= 1 and digit >= 0, found variants="
            + variants + ", digit=" + digit);
      }
    }

    /** The lesson's picture: a dozen variants of the first digit, seed 42, into augmented.png. */
    public static Settings lesson() {
      return new Settings(Path.of("augmented.png"), 12, 0, 42);
    }
  }

  private AugmentLesson() {}

  /**
   * Runs the lesson: writes the grid to {@code settings.out()} and prints where.
   *
   * @return the images written: the original digit, then its variants, each (28, 28, 1) in [0, 1]
   */
  public static List<FloatNdArray> run(Settings settings, LessonConsole console) throws IOException {
    Mnist.Images train = Mnist.loadData().train();
    int d = Math.min(settings.digit(), train.count() - 1);
    float[] pixels = Arrays.copyOfRange(train.toFloatPixels(), d * 784, d * 784 + 784);
    FloatNdArray x = HostArrays.of(pixels, 1, 28, 28, 1);
    // datagen = ImageDataGenerator(rotation_range=20, width_shift_range=0.2,
    //     height_shift_range=0.2, shear_range=0.2, zoom_range=0.2, horizontal_flip=True,
    //     fill_mode='nearest')
    ImageDataGenerator datagen = ImageDataGenerator.of().rotationRange(20).widthShiftRange(0.2)
        .heightShiftRange(0.2).shearRange(0.2).zoomRange(0.2).horizontalFlip(true)
        .fillMode("nearest");
    // for batch in datagen.flow(x, batch_size=1): plt.imshow(batch[0].reshape(28, 28), cmap='gray')
    List<FloatNdArray> images = new ArrayList<>(List.of(x.get(0)));
    try (ImageFlow flow = datagen.flow(x, null, 1, true, settings.seed())) {
      for (int i = 0; i < settings.variants(); i++) {
        DataBatch batch = flow.get(0);
        images.add(batch.inputs().get(0).get(0));
      }
    }
    ImageGrid.write(images, Math.min(images.size(), 13), 4, 0f, 1f, settings.out());
    console.println("Wrote " + settings.out() + ": digit " + train.labels()[d] + " and "
        + settings.variants() + " augmented variants (rotation 20, shifts 0.2, shear 0.2, "
        + "zoom 0.2, horizontal flips, fill nearest)");
    return images;
  }
}
