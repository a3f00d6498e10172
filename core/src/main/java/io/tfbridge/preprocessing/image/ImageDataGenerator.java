package io.tfbridge.preprocessing.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras's legacy {@code ImageDataGenerator} (channels_last): an immutable spec of random
 * augmentations and standardization steps, with Keras's keywords and defaults as fluent options.
 * {@link #randomTransform} draws parameters as Keras does, {@link #applyTransform} applies them to
 * one image equal to Keras's {@code apply_transform}, {@link #standardize} is Keras's
 * {@code standardize}, {@link #fit} computes the featurewise statistics and {@link #flow} yields
 * augmented batches.
 *
 * <pre>{@code
 * ImageDataGenerator gen = ImageDataGenerator.of()
 *     .rotationRange(15).widthShiftRange(0.1).heightShiftRange(ShiftRange.pixels(3))
 *     .zoomRange(0.9, 1.2).fillMode("reflect").horizontalFlip(true).rescale(1 / 255.0);
 * TransformParams params = gen.randomTransform(new long[] {28, 28, 1}, 42L);
 * FloatNdArray augmented = gen.applyTransform(image, params);
 * }</pre>
 */
public final class ImageDataGenerator {
  boolean featurewiseCenter;
  boolean samplewiseCenter;
  boolean featurewiseStdNormalization;
  boolean samplewiseStdNormalization;
  boolean zcaWhitening;
  double zcaEpsilon = 1e-6;
  double rotationRange;
  ShiftRange widthShiftRange = ShiftRange.none();
  ShiftRange heightShiftRange = ShiftRange.none();
  double[] brightnessRange;
  double shearRange;
  double[] zoomRange = {1, 1};
  double channelShiftRange;
  FillMode fillMode = FillMode.NEAREST;
  double cval;
  boolean horizontalFlip;
  boolean verticalFlip;
  Double rescale;
  UnaryOperator<FloatNdArray> preprocessingFunction;
  double validationSplit;
  FeatureStatistics statistics = FeatureStatistics.NONE;

  private ImageDataGenerator() {
  }

  /** A generator with Keras's defaults: no augmentation, no standardization. */
  public static ImageDataGenerator of() {
    return new ImageDataGenerator();
  }

  /** Subtracts the dataset's per-channel mean (needs {@link #fit}). */
  public ImageDataGenerator featurewiseCenter(boolean on) {
    return with(g -> g.featurewiseCenter = on);
  }

  /** Subtracts each image's own mean. */
  public ImageDataGenerator samplewiseCenter(boolean on) {
    return with(g -> g.samplewiseCenter = on);
  }

  /** Divides by the dataset's per-channel std (needs {@link #fit}; implies featurewise centering). */
  public ImageDataGenerator featurewiseStdNormalization(boolean on) {
    return with(g -> g.featurewiseStdNormalization = on);
  }

  /** Divides each image by its own std (implies samplewise centering). */
  public ImageDataGenerator samplewiseStdNormalization(boolean on) {
    return with(g -> g.samplewiseStdNormalization = on);
  }

  /** ZCA whitening (needs {@link #fit}; implies featurewise centering, overrides std normalization). */
  public ImageDataGenerator zcaWhitening(boolean on) {
    return with(g -> g.zcaWhitening = on);
  }

  /** The epsilon of ZCA whitening (default 1e-6). */
  public ImageDataGenerator zcaEpsilon(double epsilon) {
    return with(g -> g.zcaEpsilon = epsilon);
  }

  /** Random rotations in {@code [-degrees, degrees)}. */
  public ImageDataGenerator rotationRange(double degrees) {
    return with(g -> g.rotationRange = Checks.nonNegative("rotation_range", degrees));
  }

  /** Random horizontal shifts: a fraction of the width ({@code < 1}) or pixels. */
  public ImageDataGenerator widthShiftRange(double range) {
    return widthShiftRange(ShiftRange.fraction(Checks.nonNegative("width_shift_range", range)));
  }

  /** Random horizontal shifts as Keras reads an int, a float or a list of choices. */
  public ImageDataGenerator widthShiftRange(ShiftRange range) {
    return with(g -> g.widthShiftRange = Objects.requireNonNull(range, "width_shift_range"));
  }

  /**
   * Random shifts drawn from {@code height_shift_range}. As in Keras (keras-team/keras#17398), a
   * fraction is of the height, but the image moves along its width.
   */
  public ImageDataGenerator heightShiftRange(double range) {
    return heightShiftRange(ShiftRange.fraction(Checks.nonNegative("height_shift_range", range)));
  }

  /** {@code height_shift_range} as Keras reads an int, a float or a list of choices. */
  public ImageDataGenerator heightShiftRange(ShiftRange range) {
    return with(g -> g.heightShiftRange = Objects.requireNonNull(range, "height_shift_range"));
  }

  /** Random brightness factors in {@code [low, high)}: exactly two values. */
  public ImageDataGenerator brightnessRange(double... range) {
    if (range == null || range.length != 2) {
      throw new IllegalArgumentException("`brightness_range should be tuple or list of two floats."
          + " Received: " + (range == null ? "None" : Checks.list(range)));
    }
    return with(g -> g.brightnessRange = range.clone());
  }

  /** Random shear angles in {@code [-degrees, degrees)} (counter-clockwise). */
  public ImageDataGenerator shearRange(double degrees) {
    return with(g -> g.shearRange = Checks.nonNegative("shear_range", degrees));
  }

  /** One float {@code z}: zooms in {@code [1 - z, 1 + z]}; two floats: {@code [low, high]}. */
  public ImageDataGenerator zoomRange(double... range) {
    if (range == null || range.length < 1 || range.length > 2) {
      throw new IllegalArgumentException("`zoom_range` should be a float or a tuple or list of two"
          + " floats. Received: " + (range == null ? "None" : Checks.list(range)));
    }
    double[] bounds = range.length == 1 ? new double[] {1 - range[0], 1 + range[0]} : range.clone();
    return with(g -> g.zoomRange = bounds);
  }

  /** Random channel shifts in {@code [-range, range)}. */
  public ImageDataGenerator channelShiftRange(double range) {
    return with(g -> g.channelShiftRange = Checks.nonNegative("channel_shift_range", range));
  }

  /** How points outside the image are filled: nearest (default), constant, reflect or wrap. */
  public ImageDataGenerator fillMode(String mode) {
    FillMode parsed = FillMode.of(mode);
    return with(g -> g.fillMode = parsed);
  }

  /** The value of {@code fill_mode="constant"} (default 0). */
  public ImageDataGenerator cval(double value) {
    return with(g -> g.cval = value);
  }

  /** Random horizontal flips (half of the images). */
  public ImageDataGenerator horizontalFlip(boolean on) {
    return with(g -> g.horizontalFlip = on);
  }

  /** Random vertical flips (half of the images). */
  public ImageDataGenerator verticalFlip(boolean on) {
    return with(g -> g.verticalFlip = on);
  }

  /** Multiplies the images by {@code factor} (after the preprocessing function); 0 or null: none. */
  public ImageDataGenerator rescale(Double factor) {
    return with(g -> g.rescale = factor);
  }

  /** A function run on each image (after augmentation, first of the standardization steps). */
  public ImageDataGenerator preprocessingFunction(UnaryOperator<FloatNdArray> function) {
    return with(g -> g.preprocessingFunction = function);
  }

  /** The fraction of the data {@code flow(..., subset)} keeps for validation: in [0, 1). */
  public ImageDataGenerator validationSplit(double split) {
    if (split != 0 && !(split > 0 && split < 1)) {
      throw new IllegalArgumentException("`validation_split` must be strictly between 0 and 1. "
          + " Received: " + split);
    }
    return with(g -> g.validationSplit = split);
  }

  /** Only {@code channels_last} is supported. */
  public ImageDataGenerator dataFormat(String format) {
    Checks.channelsLast(format);
    return this;
  }


  /** Keras's {@code get_random_transform}: parameters for an image of {@code shape} (H, W, C). */
  public TransformParams randomTransform(long[] shape, Long seed) {
    SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    return RandomTransform.draw(this, random, (int) shape[0], (int) shape[1]);
  }

  /** Keras's {@code apply_transform} on one image (H, W, C). */
  public FloatNdArray applyTransform(FloatNdArray image, TransformParams params) {
    return BatchTransform.apply(Images.batchOf(image), List.of(params), fillMode, cval).get(0);
  }

  /** Keras's {@code standardize} on one image (H, W, C), the way {@code flow} calls it. */
  public FloatNdArray standardize(FloatNdArray image) {
    return Standardizer.standardize(this, Images.batchOf(image)).get(0);
  }

  /** A copy fitted to {@code x} (N, H, W, C): featurewise mean, std and ZCA matrix as Keras's fit. */
  public ImageDataGenerator fit(FloatNdArray x) {
    FeatureStatistics fitted = FeatureStatistics.fit(this, x);
    return with(g -> g.statistics = fitted);
  }

  /**
   * Keras's {@code fit(x, augment, rounds, seed)}: with {@code augment}, the statistics of
   * {@code rounds} randomly transformed copies of {@code x} (Keras's {@code random_transform} on
   * every image, round after round, drawn from {@code seed} or fresh when null); else
   * {@link #fit(FloatNdArray)}.
   */
  public ImageDataGenerator fit(FloatNdArray x, boolean augment, int rounds, Long seed) {
    if (!augment) {
      return fit(x);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("`rounds` should be at least 1. Received: " + rounds);
    }
    return fit(FeatureStatistics.augmentedCopies(this, x, rounds,
        seed == null ? new SplittableRandom() : new SplittableRandom(seed)));
  }

  /** Batches of {@code x} augmented and standardized, with {@code y}'s rows ({@code y} may be null). */
  public ImageFlow flow(FloatNdArray x, FloatNdArray y, int batchSize, boolean shuffle, Long seed) {
    return flow(x, y, batchSize, shuffle, seed, null);
  }

  /** {@link #flow} on a subset: "training" or "validation" (the first {@code validationSplit}). */
  public ImageFlow flow(FloatNdArray x, FloatNdArray y, int batchSize, boolean shuffle, Long seed,
      String subset) {
    return ImageFlow.of(this, x, y, batchSize, shuffle, seed, subset);
  }

  /**
   * Keras's {@code flow_from_directory}: batches of the images of a class-per-folder tree, read from
   * disk batch by batch and augmented and standardized as {@link #flow} does.
   *
   * @param classMode {@code "categorical"} (Keras's default), {@code "binary"}, {@code "sparse"},
   *     {@code "input"} or null
   * @param subset "training", "validation" (the first {@code validationSplit} of each class) or null
   */
  public DirectoryIterator flowFromDirectory(Path directory, int height, int width,
      String colorMode, String classMode, int batchSize, boolean shuffle, long seed, String subset) {
    ImageDirectory tree = ImageDirectory.scan(directory, List.of(), false, validationSplit, subset);
    return new DirectoryIterator(tree, colorMode, height, width, classMode, batchSize, shuffle, seed,
        this);
  }

  /**
   * The images {@code rows} of {@code source} (N, H, W, C) as a batch, each with a fresh random
   * transform (run by {@code transforms}), then standardized.
   */
  FloatNdArray augment(FloatNdArray source, int[] rows, java.util.random.RandomGenerator random,
      TransformCache transforms) {
    return augment(source, rows, random, transforms, 0);
  }

  /**
   * {@link #augment(FloatNdArray, int[], java.util.random.RandomGenerator, TransformCache)} for
   * rows that follow {@code skipped} others of their batch: the skipped rows' transforms are drawn
   * first and dropped, so each row gets the transform it gets in the whole batch (a task's share of
   * a batch). No rows: an empty batch.
   */
  FloatNdArray augment(FloatNdArray source, int[] rows, java.util.random.RandomGenerator random,
      TransformCache transforms, int skipped) {
    for (int i = 0; i < skipped; i++) {
      RandomTransform.draw(this, random, (int) source.shape().get(1), (int) source.shape().get(2));
    }
    if (rows.length == 0) {
      return Images.rows(source, rows);
    }
    int n = rows.length;
    int height = (int) source.shape().get(1);
    int width = (int) source.shape().get(2);
    List<TransformParams> params = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      params.add(RandomTransform.draw(this, random, height, width));
    }
    FloatNdArray moved = transforms.apply(source, rows, params, this);
    return Standardizer.inGraph(this) ? moved : Standardizer.standardize(this, moved);
  }

  boolean centersFeatures() {
    return featurewiseCenter || zcaWhitening || featurewiseStdNormalization;
  }

  boolean normalizesFeatures() {
    return featurewiseStdNormalization && !zcaWhitening;
  }

  boolean centersSamples() {
    return samplewiseCenter || samplewiseStdNormalization;
  }

  private ImageDataGenerator with(Consumer<ImageDataGenerator> change) {
    ImageDataGenerator copy = copy();
    change.accept(copy);
    return copy;
  }

  private ImageDataGenerator copy() {
    ImageDataGenerator g = new ImageDataGenerator();
    g.featurewiseCenter = featurewiseCenter;
    g.samplewiseCenter = samplewiseCenter;
    g.featurewiseStdNormalization = featurewiseStdNormalization;
    g.samplewiseStdNormalization = samplewiseStdNormalization;
    g.zcaWhitening = zcaWhitening;
    g.zcaEpsilon = zcaEpsilon;
    g.rotationRange = rotationRange;
    g.widthShiftRange = widthShiftRange;
    g.heightShiftRange = heightShiftRange;
    g.brightnessRange = brightnessRange;
    g.shearRange = shearRange;
    g.zoomRange = zoomRange;
    g.channelShiftRange = channelShiftRange;
    g.fillMode = fillMode;
    g.cval = cval;
    g.horizontalFlip = horizontalFlip;
    g.verticalFlip = verticalFlip;
    g.rescale = rescale;
    g.preprocessingFunction = preprocessingFunction;
    g.validationSplit = validationSplit;
    g.statistics = statistics;
    return g;
  }
}
