package io.tfbridge.examples;

import io.tfbridge.datasets.Mnist;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.preprocessing.image.DirectoryIterator;
import io.tfbridge.preprocessing.image.ImageDataGenerator;
import io.tfbridge.preprocessing.image.ImageDirectory;
import io.tfbridge.zoo.LessonModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Training from a tree of image files ({@code flow_from_directory}) and what it costs in memory:
 * {@code tfbridge bench --directory N} writes N MNIST digits as PNG files into a class-per-folder tree
 * (the bundled digits repeated when N is larger), trains the lesson CNN on it for one epoch (batch 64,
 * images read batch by batch) and prints the throughput and the process's resident memory before
 * listing the tree and its peak while training ({@code /proc/self/status}, the peak reset after the
 * tree is written). Run it with two sizes and a fixed, pre-touched heap ({@code
 * TFBRIDGE_JAVA_OPTS="-Xms256m -Xmx256m -XX:+AlwaysPreTouch"}, so that the RSS is what the process
 * holds rather than how far G1 grew the heap): the growth does not depend on N (+83 MB for 2,000
 * files, +80 MB for 16,000 on 2026-12-01).
 */
final class DirectoryBench {
  private final PrintStream out;

  DirectoryBench(PrintStream out) {
    this.out = out;
  }

  void run(int files) throws IOException {
    Path root = Files.createTempDirectory("tfbridge-tree");
    try {
      long t0 = System.nanoTime();
      writeTree(root, files);
      out.printf(Locale.ROOT, "wrote %d PNG digits in %.1f s%n", files,
          (System.nanoTime() - t0) / 1e9);
      train(root);
    } finally {
      delete(root);
    }
  }

  private void train(Path root) throws IOException {
    System.gc();
    // the peak so far (writing the tree) is not this benchmark's: Linux resets VmHWM to the
    // current resident size on "5" written to clear_refs
    Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    long before = LoadBench.status("VmRSS:");
    ImageDirectory tree = ImageDirectory.scan(root, List.of(), false, 0, null);
    out.println(tree.describe());
    try (DirectoryIterator digits = new DirectoryIterator(tree, "grayscale", 28, 28, "categorical",
            64, true, 1, ImageDataGenerator.of().rescale(1 / 255.0));
        Model model = LessonModels.cnn().seed(1).compile("adam", "categorical_crossentropy")) {
      long t0 = System.nanoTime();
      model.fit(digits, FitOptions.epochs(1).verbose(0));
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "cnn from files: %,.0f samples/s (%d files, batch 64, first epoch)%n",
          tree.files().size() / seconds, tree.files().size());
      System.gc();
      Runtime jvm = Runtime.getRuntime();
      out.printf(Locale.ROOT, "live Java heap after the epoch (iterator and model alive): %.1f MB%n",
          (jvm.totalMemory() - jvm.freeMemory()) / 1e6);
    }
    long peak = LoadBench.status("VmHWM:");
    out.printf(Locale.ROOT, "resident memory: %d MB before the tree was listed, peak %d MB while "
        + "training (+%d MB)%n", before >> 10, peak >> 10, (peak - before) >> 10);
  }

  /** {@code root/<digit>/<i>.png} for {@code files} digits, cycling through the bundled ones. */
  private static void writeTree(Path root, int files) throws IOException {
    Mnist.Images digits = Mnist.loadData().train();
    byte[] pixels = digits.pixels();
    for (int i = 0; i < files; i++) {
      int d = i % digits.count();
      Path dir = Files.createDirectories(root.resolve(Integer.toString(digits.labels()[d])));
      BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      image.getRaster().setDataElements(0, 0, 28, 28,
          java.util.Arrays.copyOfRange(pixels, d * 784, d * 784 + 784));
      ImageIO.write(image, "png", dir.resolve(i + ".png").toFile());
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
