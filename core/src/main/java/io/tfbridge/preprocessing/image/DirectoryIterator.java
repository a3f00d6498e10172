package io.tfbridge.preprocessing.image;

import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.DataBatch;
import io.tfbridge.data.Permutations;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Keras's {@code DirectoryIterator} ({@code flow_from_directory}): batches of the images of an
 * {@link ImageDirectory}, read from disk batch by batch (only the file names are held), each image
 * loaded as {@link ImageFiles#load} loads it, then augmented and standardized by the generator (a
 * fresh random transform per image; with a seed, the {@code k}-th batch asked for draws from
 * {@code seed + k}, as Keras reseeds numpy), with
 * labels as {@code class_mode} says: {@code "categorical"} one-hot, {@code "binary"} and
 * {@code "sparse"} the class index, {@code "input"} the images themselves, {@code null} none (for
 * {@code predict}). With {@code shuffle} the order of the files is a new permutation every epoch,
 * from {@code seed}. Under a collective {@code MultiWorkerMirroredStrategy}, each task reads only the
 * files of its own rows of each batch ({@link #getShard}).
 *
 * <pre>{@code
 * ImageDirectory tree = ImageDirectory.scan(Path.of("digits"), List.of(), false, 0, null);
 * BatchSequence digits = new DirectoryIterator(tree, "grayscale", 28, 28, "sparse", 32, true, 1,
 *     ImageDataGenerator.of().rescale(1 / 255.0));
 * model.fit(digits, FitOptions.epochs(3));
 * }</pre>
 */
public final class DirectoryIterator implements BatchSequence, AutoCloseable {
  /** Keras's {@code allowed_class_modes}. */
  static final List<String> CLASS_MODES = List.of("categorical", "binary", "sparse", "input");

  private final ImageDirectory tree;
  private final String colorMode;
  private final int height;
  private final int width;
  private final int channels;
  private final String classMode;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final Random random;
  private final ImageDataGenerator generator;
  private final TransformCache transforms = new TransformCache();
  private int[] order;
  private long batchesSeen;

  /**
   * Batches of {@code tree}'s images at {@code height x width} in {@code colorMode}.
   *
   * @param classMode {@code "categorical"}, {@code "binary"}, {@code "sparse"}, {@code "input"} or
   *     null
   * @param generator augments and standardizes each batch, or null to leave the images as loaded
   * @throws IllegalArgumentException for an unknown class or colour mode, a size or batch size below
   *     1, or a tree without images
   */
  public DirectoryIterator(ImageDirectory tree, String colorMode, int height, int width,
      String classMode, int batchSize, boolean shuffle, long seed, ImageDataGenerator generator) {
    if (classMode != null && !CLASS_MODES.contains(classMode)) {
      throw new IllegalArgumentException("Invalid class_mode: " + classMode
          + "; expected one of: {'categorical', 'binary', 'sparse', 'input', None}");
    }
    if (height < 1 || width < 1 || batchSize < 1) {
      throw new IllegalArgumentException("flow_from_directory needs target_size and batch_size of "
          + "at least 1; received target_size=(" + height + ", " + width + "), batch_size="
          + batchSize);
    }
    if (tree.files().isEmpty()) {
      throw new IllegalArgumentException("flow_from_directory: " + tree.root()
          + " holds no images (" + tree.describe() + " Keras's image extensions: "
          + String.join(", ", ImageDirectory.WHITE_LIST_FORMATS) + ")");
    }
    this.tree = tree;
    this.colorMode = colorMode;
    this.channels = ImageFiles.channels(colorMode);
    this.height = height;
    this.width = width;
    this.classMode = classMode;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.random = new Random(seed);
    this.generator = generator;
    this.order = Permutations.of(tree.files().size(), shuffle ? random : null);
  }

  @Override
  public int size() {
    return (tree.files().size() + batchSize - 1) / batchSize;
  }

  @Override
  public DataBatch get(int index) {
    return getShard(index, 1, 0);
  }

  /**
   * Shard {@code shardIndex} of batch {@code index}, reading only the files of its rows (Keras's
   * {@code FILE} auto-shard policy): each row has the image, transform and label it has in
   * {@code get(index)}.
   */
  @Override
  public DataBatch getShard(int index, int numShards, int shardIndex) {
    int first = index * batchSize;
    int end = Math.min(order.length, first + batchSize);
    if (index < 0 || first >= end) {
      throw new IndexOutOfBoundsException("batch " + index + " of " + size());
    }
    int[] own = BatchSequence.share(end - first, numShards, shardIndex);
    int from = first + own[0];
    int to = first + own[1];
    FloatNdArray x = augment(images(from, to), own[0]);
    return classMode == null ? new DataBatch(List.of(x), List.of())
        : DataBatch.of(x, labels(from, to, x));
  }

  @Override
  public void onEpochEnd() {
    order = Permutations.of(tree.files().size(), shuffle ? random : null);
  }

  /** The files at {@code order[from..to)} as one (N, H, W, C) array, as loaded. */
  private FloatNdArray images(int from, int to) {
    int pixels = height * width * channels;
    float[] images = new float[(to - from) * pixels];
    for (int i = from; i < to; i++) {
      FloatNdArray image = ImageFiles.load(tree.files().get(order[i]), colorMode, height, width);
      image.copyTo(DataBuffers.of(images, false, false).offset((long) (i - from) * pixels)
          .narrow(pixels));
    }
    return NdArrays.wrap(Shape.of(to - from, height, width, channels),
        DataBuffers.of(images, true, false));
  }

  /** The images augmented, after {@code skipped} rows of the batch that are not loaded. */
  private FloatNdArray augment(FloatNdArray images, int skipped) {
    SplittableRandom draws = new SplittableRandom(seed + batchesSeen++);
    int[] all = IntStream.range(0, (int) images.shape().get(0)).toArray();
    return generator == null ? images : generator.augment(images, all, draws, transforms, skipped);
  }

  private FloatNdArray labels(int from, int to, FloatNdArray x) {
    int n = to - from;
    if (classMode.equals("input")) {
      return x;
    }
    if (classMode.equals("categorical")) {
      int classes = tree.classIndices().size();
      float[] oneHot = new float[n * classes];
      for (int i = 0; i < n; i++) {
        oneHot[i * classes + tree.labels()[order[from + i]]] = 1;
      }
      return NdArrays.wrap(Shape.of(n, classes), DataBuffers.of(oneHot, true, false));
    }
    float[] ids = new float[n];
    for (int i = 0; i < n; i++) {
      ids[i] = tree.labels()[order[from + i]];
    }
    return NdArrays.wrap(Shape.of(n), DataBuffers.of(ids, true, false));
  }

  /** Releases the compiled image transform kept between batches; idempotent. */
  @Override
  public void close() {
    transforms.close();
  }
}
