package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.BatchSequence;
import io.tfbridge.data.DataBatch;
import io.tfbridge.data.HostArrays;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * What a task of a collective group gets of a batch source ({@link BatchSequence#getShard}): its rows
 * of each batch exactly as the whole batch holds them, augmented with the same transforms, over
 * epochs; a directory source reads only the files of those rows.
 */
class ShardedSourcesTest {
  private static final ImageDataGenerator AUGMENTING = ImageDataGenerator.of().rotationRange(30)
      .zoomRange(0.2).horizontalFlip(true).rescale(1 / 255.0);

  /** Sequences made alike: {@code sources.get(0)} makes whole batches, the others one shard each. */
  private static void assertShardsAreTheBatchesRows(List<? extends BatchSequence> sources, int epochs) {
    BatchSequence whole = sources.get(0);
    int shards = sources.size() - 1;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int b = 0; b < whole.size(); b++) {
        DataBatch all = whole.get(b);
        for (int t = 0; t < shards; t++) {
          int[] rows = BatchSequence.share(all.size(), shards, t);
          DataBatch mine = sources.get(t + 1).getShard(b, shards, t);
          String where = "epoch " + epoch + ", batch " + b + ", shard " + t;
          assertEquals(rows[1] - rows[0], mine.size(), where);
          assertSame(all.rows(rows[0], rows[1]), mine, where);
        }
      }
      sources.forEach(BatchSequence::onEpochEnd);
    }
  }

  private static void assertSame(DataBatch expected, DataBatch actual, String where) {
    assertEquals(expected.inputs().get(0).shape(), actual.inputs().get(0).shape(), where);
    assertArrayEquals(HostArrays.toFlat(expected.inputs().get(0)),
        HostArrays.toFlat(actual.inputs().get(0)), 1e-6f, where);
    for (int i = 0; i < expected.targets().size(); i++) {
      assertArrayEquals(HostArrays.toFlat(expected.targets().get(i)),
          HostArrays.toFlat(actual.targets().get(i)), where);
    }
  }

  @Test
  void aSequenceOfYourOwnIsCutToTheShardsRows() {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(7, 2));
    FloatNdArray y = NdArrays.ofFloats(Shape.of(7));
    for (int i = 0; i < 7; i++) {
      x.setFloat(i, i, 1);
      y.setFloat(10 * i, i);
    }
    BatchSequence halves = new BatchSequence() {
      public int size() {
        return 2;
      }

      public DataBatch get(int index) {
        return DataBatch.of(x, y).rows(4L * index, Math.min(7, 4L * index + 4));
      }
    };
    assertShardsAreTheBatchesRows(List.of(halves, halves, halves, halves, halves), 1);
    DataBatch none = halves.getShard(1, 4, 0); // 3 rows in 4 shards: the first gets none
    assertEquals(Shape.of(0, 2), none.inputs().get(0).shape());
    assertEquals(Shape.of(0), none.targets().get(0).shape());
    assertThrows(IllegalArgumentException.class, () -> halves.getShard(0, 2, 2));
  }

  @Test
  void flowShardsHoldTheirRowsWithTheWholeBatchsTransforms() {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(10, 6, 5, 3));
    x.scalars().forEachIndexed((at, s) ->
        s.setFloat((at[0] * 31 + at[1] * 7 + at[2] * 3 + at[3]) % 256));
    FloatNdArray y = NdArrays.ofFloats(Shape.of(10));
    List<ImageFlow> flows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      flows.add(AUGMENTING.flow(x, y, 4, true, 3L)); // batches of 4, 4, 2: a shard gets none of 2
    }
    try {
      assertShardsAreTheBatchesRows(flows, 2);
    } finally {
      flows.forEach(ImageFlow::close);
    }
  }

  @Test
  void directoryShardsHoldTheirRowsWithTheWholeBatchsTransforms() {
    ImageDirectory tree = ImageDirectory.scan(tree(), List.of(), false, 0, null);
    List<DirectoryIterator> sources = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sources.add(new DirectoryIterator(tree, "rgb", 6, 5, "categorical", 4, true, 3, AUGMENTING));
    }
    try {
      assertShardsAreTheBatchesRows(sources, 2);
    } finally {
      sources.forEach(DirectoryIterator::close);
    }
  }

  /**
   * A copy of the tree in which every file but shard 1's (of 2) is not an image: shard 1 still reads
   * its batches, which only reading no other file allows; the whole batches fail.
   */
  @Test
  void aDirectoryShardReadsOnlyTheFilesOfItsRows(@TempDir Path tmp) throws IOException {
    Path root = tree();
    ImageDirectory tree = ImageDirectory.scan(root, List.of(), false, 0, null);
    int batch = 3; // 10 files: batches of 3, 3, 3, 1 (shard 1 gets rows 1-2, 1-2, 1-2, 0)
    for (int i = 0; i < tree.files().size(); i++) {
      Path copy = tmp.resolve(root.relativize(tree.files().get(i)).toString());
      Files.createDirectories(copy.getParent());
      int[] own = BatchSequence.share(Math.min(batch, tree.files().size() - i / batch * batch), 2, 1);
      boolean mine = i % batch >= own[0] && i % batch < own[1];
      if (mine) {
        Files.copy(tree.files().get(i), copy);
      } else {
        Files.writeString(copy, "not an image: shard 1 must not read it");
      }
    }
    ImageDirectory copied = ImageDirectory.scan(tmp, List.of(), false, 0, null);
    assertEquals(tree.files().size(), copied.files().size());
    DirectoryIterator original = new DirectoryIterator(tree, "grayscale", 4, 4, "sparse", batch, false,
        0, null);
    DirectoryIterator shard = new DirectoryIterator(copied, "grayscale", 4, 4, "sparse", batch, false,
        0, null);
    for (int b = 0; b < original.size(); b++) {
      DataBatch all = original.get(b);
      int[] rows = BatchSequence.share(all.size(), 2, 1);
      assertSame(all.rows(rows[0], rows[1]), shard.getShard(b, 2, 1), "batch " + b);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> shard.get(0));
    assertTrue(e.getMessage().contains("not a readable image"), e.getMessage());
  }

  private static Path tree() {
    try {
      return Path.of(ShardedSourcesTest.class.getResource("/image_files/tree").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
