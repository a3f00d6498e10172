package io.tfbridge.preprocessing.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The image files of a class-per-folder tree, listed as Keras's {@code flow_from_directory} lists
 * them: classes are the sub-folders in sorted order (or the ones given), each class's files are found
 * recursively (folders in sorted path order, files sorted within each), only names with Keras's image
 * extensions count, and a validation split takes the first {@code validation_split} of each class's
 * files for {@code "validation"} and the rest for {@code "training"}. Only names are held, never
 * pixels.
 *
 * <pre>{@code
 * ImageDirectory tree = ImageDirectory.scan(Path.of("digits"), List.of(), false, 0.2, "training");
 * System.out.println(tree.describe());   // Found 800 images belonging to 10 classes.
 * }</pre>
 *
 * @param root the directory scanned
 * @param classIndices class name to index, in index order
 * @param files every image's path, class by class
 * @param labels each file's class index
 */
public record ImageDirectory(Path root, Map<String, Integer> classIndices, List<Path> files,
    int[] labels) {
  /** Keras's {@code white_list_formats}. */
  static final List<String> WHITE_LIST_FORMATS =
      List.of("png", "jpg", "jpeg", "bmp", "ppm", "tif", "tiff");

  /**
   * Lists {@code root}.
   *
   * @param classes the class folders in index order, or empty for every sub-folder, sorted
   * @param followLinks whether symbolic links to folders are followed
   * @param validationSplit the fraction of each class held out for validation (0 for none)
   * @param subset {@code "training"}, {@code "validation"} or null (all files)
   * @throws IllegalArgumentException if root is not a directory or a subset name is unknown
   */
  public static ImageDirectory scan(Path root, List<String> classes, boolean followLinks,
      double validationSplit, String subset) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("flow_from_directory: " + root + " is not a directory");
    }
    double[] split = split(validationSplit, subset);
    List<String> names = classes.isEmpty() ? subfolders(root) : List.copyOf(classes);
    Map<String, Integer> indices = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String name : names) {
      indices.put(name, indices.size());
      List<Path> found = imageFiles(root.resolve(name), followLinks);
      int start = (int) (split[0] * found.size());
      int stop = (int) (split[1] * found.size());
      for (Path f : found.subList(start, stop)) {
        files.add(f);
        labels.add(indices.get(name));
      }
    }
    return new ImageDirectory(root, indices, List.copyOf(files),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Keras's message: {@code Found 800 images belonging to 10 classes.} */
  public String describe() {
    return "Found " + files.size() + " images belonging to " + classIndices.size() + " classes.";
  }

  /** The fraction range {@code [from, to)} of each class's files a subset takes. */
  private static double[] split(double validationSplit, String subset) {
    if (subset == null) {
      return new double[] {0, 1};
    }
    return switch (subset) {
      case "validation" -> new double[] {0, validationSplit};
      case "training" -> new double[] {validationSplit, 1};
      default -> throw new IllegalArgumentException("Invalid subset name: " + subset
          + ";expected \"training\" or \"validation\"");
    };
  }

  private static List<String> subfolders(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("flow_from_directory: cannot list " + root, e);
    }
  }

  /** A class folder's image files: folders in sorted path order, then names sorted in each. */
  private static List<Path> imageFiles(Path folder, boolean followLinks) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    FileVisitOption[] options = followLinks
        ? new FileVisitOption[] {FileVisitOption.FOLLOW_LINKS} : new FileVisitOption[0];
    try (Stream<Path> walk = Files.walk(folder, options)) {
      return walk.filter(p -> !Files.isDirectory(p))
          .filter(p -> ImageFiles.isImageName(p.getFileName().toString()))
          .sorted(Comparator.comparing((Path p) -> p.getParent().toString())
              .thenComparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("flow_from_directory: cannot list " + folder, e);
    }
  }
}
