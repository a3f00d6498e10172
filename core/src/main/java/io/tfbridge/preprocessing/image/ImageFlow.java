package io.tfbridge.preprocessing.image;

import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.DataBatch;
import io.tfbridge.data.Permutations;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>It is also a {@link BatchSequence}, so {@code model.fit(gen.flow(x, y, 32, true, 7L), options)}
 * trains on it as Keras's {@code model.fit(datagen.flow(x, y))} does (one of the two ways of reading
 * it per flow: fit reads batches by index). Under a collective {@code MultiWorkerMirroredStrategy}
 * each task augments only its own rows of each batch ({@link #getShard}); give every task the same
 * seed.
 *
 * <p>A flow keeps its compiled image transform (a TensorFlow graph and session) from batch to
 * batch: close it when done, e.g. in try-with-resources.
 *
 * <pre>{@code
 * ImageFlow flow = gen.flow(x, y, 32, true, 7L);
 * for (int step = 0; step < flow.stepsPerEpoch(); step++) {
 *   ImageBatch batch = flow.next();
 * }
 * }</pre>
 */
public final class ImageFlow implements Iterator<ImageBatch>, BatchSequence, AutoCloseable {
  private final ImageDataGenerator generator;
  private final FloatNdArray x;
  private final FloatNdArray y;
  private final int batchSize;
  private final boolean shuffle;
  private final Long seed;
  private final RandomGenerator unseeded = new SplittableRandom();
  private final TransformCache transforms = new TransformCache();
  private final RandomGenerator fileNames = new SplittableRandom();
  private Path saveDir;
  private String savePrefix = "";
  private String saveFormat = "png";
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
  public long samples() {
    return x.shape().size(0);
  }

  /** Batches per epoch: {@code ceil(size / batchSize)} (Keras's {@code len(iterator)}). */
  public int stepsPerEpoch() {
    return (int) ((samples() + batchSize - 1) / batchSize);
  }

  /** Always true: the flow loops over its data forever, as Keras's does. */
  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public ImageBatch next() {
    RandomGenerator random = draws();
    batchesSeen++;
    if (batchIndex == 0) {
      order = permutation(random);
    }
    int n = (int) samples();
    int from = n == 0 ? 0 : batchIndex * batchSize % n;
    int to = Math.min(n, from + batchSize);
    batchIndex = n > from + batchSize ? batchIndex + 1 : 0;
    return batch(java.util.Arrays.copyOfRange(order, from, to), random);
  }

  /**
   * Keras's {@code save_to_dir}, {@code save_prefix}, {@code save_format}: every batch's images are
   * also written to {@code dir} (which must exist) as {@code <prefix>_<sample index>_<random
   * 0-9999>.<format>}, scaled to 0-255 as Keras's {@code array_to_img} does, to look at what the
   * model trains on. The file names' random numbers do not change the flow's draws.
   */
  public ImageFlow saveToDir(Path dir, String prefix, String format) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("save_to_dir is not a directory: " + dir);
    }
    saveDir = dir;
    savePrefix = prefix;
    saveFormat = format;
    return this;
  }

  private ImageBatch batch(int[] indices, RandomGenerator random) {
    return batch(indices, random, 0);
  }

  /** The samples {@code indices}, after {@code skipped} rows of their batch (a shard's). */
  private ImageBatch batch(int[] indices, RandomGenerator random, int skipped) {
    FloatNdArray standardized = generator.augment(x, indices, random, transforms, skipped);
    if (saveDir != null) {
      save(standardized, indices);
    }
    return new ImageBatch(standardized, y == null ? null : Images.rows(y, indices));
  }

  /**
   * Batch {@code index} of the current epoch, as Keras's {@code __getitem__} (what {@code fit}
   * reads): with a seed, the {@code k}-th batch asked for draws from {@code seed + k}.
   */
  @Override
  public DataBatch get(int index) {
    return getShard(index, 1, 0);
  }

  /**
   * Shard {@code shardIndex} of batch {@code index}, augmenting only its rows: each row has the
   * sample and transform it has in {@code get(index)}.
   */
  @Override
  public DataBatch getShard(int index, int numShards, int shardIndex) {
    RandomGenerator random = draws();
    batchesSeen++;
    if (order == null) {
      order = permutation(random);
    }
    int first = index * batchSize;
    int end = (int) Math.min(samples(), first + (long) batchSize);
    if (index < 0 || first >= end) {
      throw new IndexOutOfBoundsException("batch " + index + " of " + stepsPerEpoch());
    }
    int[] own = BatchSequence.share(end - first, numShards, shardIndex);
    int[] rows = java.util.Arrays.copyOfRange(order, first + own[0], first + own[1]);
    ImageBatch b = batch(rows, random, own[0]);
    return b.y() == null ? new DataBatch(List.of(b.x()), List.of()) : DataBatch.of(b.x(), b.y());
  }

  /** A new order of the samples for the next epoch (Keras's {@code on_epoch_end}). */
  @Override
  public void onEpochEnd() {
    order = permutation(draws());
  }

  private void save(FloatNdArray batch, int[] indices) {
    for (int i = 0; i < indices.length; i++) {
      String name = savePrefix + "_" + indices[i] + "_" + fileNames.nextInt(10_000) + "."
          + saveFormat;
      SavedImages.save(saveDir.resolve(name), batch.get(i), saveFormat, true);
    }
  }

  /** The generator of the next batch: seeded {@code seed + batchesSeen}, as Keras reseeds numpy. */
  private RandomGenerator draws() {
    return seed == null ? unseeded : new SplittableRandom(seed + batchesSeen);
  }

  private int[] permutation(RandomGenerator random) {
    return Permutations.of((int) samples(), shuffle ? random : null);
  }

  /** {@link #stepsPerEpoch()}: the batches of an epoch. */
  @Override
  public int size() {
    return stepsPerEpoch();
  }

  /**
   * Releases the compiled image transform (a TensorFlow graph and session) the flow keeps between
   * batches; idempotent. A closed flow throws {@code IllegalStateException} when asked for a batch.
   */
  @Override
  public void close() {
    transforms.close();
  }
}
