package io.tfbridge.preprocessing.image;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras's {@code NumpyArrayIterator} ({@code ImageDataGenerator.flow}): endless batches of the
 * images augmented with fresh random transforms and standardized, {@link #stepsPerEpoch()} batches
 * per epoch (the last one smaller), reshuffled at each epoch's start when {@code shuffle}. With a
 * seed, batch {@code k} (counted over all epochs) draws from a generator seeded {@code seed + k},
 * as Keras reseeds numpy, so a flow repeats.
 *
 * <pre>{@code
 * ImageFlow flow = gen.flow(x, y, 32, true, 7L);
 * for (int step = 0; step < flow.stepsPerEpoch(); step++) {
 *   ImageBatch batch = flow.next();
 * }
 * }</pre>
 */
public final class ImageFlow implements Iterator<ImageBatch> {
  private final ImageDataGenerator generator;
  private final FloatNdArray x;
  private final FloatNdArray y;
  private final int batchSize;
  private final boolean shuffle;
  private final Long seed;
  private final RandomGenerator unseeded = new SplittableRandom();
  private int[] order;
  private int batchIndex;
  private long batchesSeen;

  private ImageFlow(ImageDataGenerator generator, FloatNdArray x, FloatNdArray y, int batchSize,
      boolean shuffle, Long seed) {
    this.generator = generator;
    this.x = x;
    this.y = y;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
  }

  static ImageFlow of(ImageDataGenerator g, FloatNdArray x, FloatNdArray y, int batchSize,
      boolean shuffle, Long seed, String subset) {
    if (x.shape().numDimensions() != 4) {
      throw new IllegalArgumentException("Input data in `NumpyArrayIterator` should have rank 4."
          + " You passed an array with shape " + x.shape());
    }
    if (y != null && y.shape().size(0) != x.shape().size(0)) {
      throw new IllegalArgumentException("`x` (images tensor) and `y` (labels) should have the same"
          + " length. Found: x.shape = " + x.shape() + ", y.shape = " + y.shape());
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("`batch_size` should be positive. Received: " + batchSize);
    }
    if (subset == null) {
      return new ImageFlow(g, x, y, batchSize, shuffle, seed);
    }
    long split = splitIndex(g, x, y, subset);
    long n = x.shape().size(0);
    boolean validation = subset.equals("validation");
    long from = validation ? 0 : split;
    long to = validation ? split : n;
    return new ImageFlow(g, Images.slice(x, from, to), y == null ? null : Images.slice(y, from, to),
        batchSize, shuffle, seed);
  }

  /** Keras's split: validation is the first {@code int(n * validation_split)} samples. */
  private static long splitIndex(ImageDataGenerator g, FloatNdArray x, FloatNdArray y,
      String subset) {
    if (!subset.equals("training") && !subset.equals("validation")) {
      throw new IllegalArgumentException("Invalid subset name: " + subset
          + "; expected \"training\" or \"validation\".");
    }
    long n = x.shape().size(0);
    long split = (long) (n * g.validationSplit);
    if (y != null && !values(y, 0, split).equals(values(y, split, n))) {
      throw new IllegalArgumentException("Training and validation subsets have different number"
          + " of classes after the split. If your numpy arrays are sorted by the label, you might"
          + " want to shuffle them.");
    }
    return split;
  }

  private static Set<Float> values(FloatNdArray y, long from, long to) {
    Set<Float> values = new HashSet<>();
    Images.slice(y, from, to).scalars().forEach(s -> values.add(s.getFloat()));
    return values;
  }

  /** The number of samples this flow runs over. */
  public long size() {
    return x.shape().size(0);
  }

  /** Batches per epoch: {@code ceil(size / batchSize)} (Keras's {@code len(iterator)}). */
  public int stepsPerEpoch() {
    return (int) ((size() + batchSize - 1) / batchSize);
  }

  /** Always true: the flow loops over its data forever, as Keras's does. */
  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public ImageBatch next() {
    RandomGenerator random = seed == null ? unseeded : new SplittableRandom(seed + batchesSeen);
    batchesSeen++;
    if (batchIndex == 0) {
      order = permutation(random);
    }
    int n = (int) size();
    int from = n == 0 ? 0 : batchIndex * batchSize % n;
    int to = Math.min(n, from + batchSize);
    batchIndex = n > from + batchSize ? batchIndex + 1 : 0;
    return batch(java.util.Arrays.copyOfRange(order, from, to), random);
  }

  private ImageBatch batch(int[] indices, RandomGenerator random) {
    FloatNdArray images = Images.rows(x, indices);
    List<TransformParams> params = new ArrayList<>();
    int height = (int) x.shape().size(1);
    int width = (int) x.shape().size(2);
    for (int i = 0; i < indices.length; i++) {
      params.add(RandomTransform.draw(generator, random, height, width));
    }
    FloatNdArray augmented = BatchTransform.apply(images, params, generator.fillMode,
        generator.cval);
    FloatNdArray standardized = Standardizer.standardize(generator, augmented);
    return new ImageBatch(standardized, y == null ? null : Images.rows(y, indices));
  }

  private int[] permutation(RandomGenerator random) {
    int n = (int) size();
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; shuffle && i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
