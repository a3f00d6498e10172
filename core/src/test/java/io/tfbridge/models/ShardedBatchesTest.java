package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.distribute.CollectiveGroup;
import io.tfbridge.inference.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * What each task of a collective group feeds: only its contiguous share of each global batch, the
 * shares of all tasks together being that batch in order, from the same shuffle on every task, with
 * the same number of steps (a task may get fewer rows of the last batch, or none).
 */
class ShardedBatchesTest {
  private static final int SAMPLES = 21;
  private static final int BATCH = 8; // batches of 8, 8 and 5 rows

  /** Each sample's x is its index; its label, the index times 10. */
  private static ArrayData data() {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(SAMPLES, 1));
    FloatNdArray y = NdArrays.ofFloats(Shape.of(SAMPLES));
    for (int i = 0; i < SAMPLES; i++) {
      x.setFloat(i, i, 0);
      y.setFloat(10f * i, i);
    }
    return new ArrayData(List.of(x), List.of(DType.FLOAT32), List.of(y));
  }

  /** The sample indices each step fed, for two epochs; {@code shard} null: the whole batches. */
  private static List<List<Integer>> fed(CollectiveGroup shard) {
    ArrayBatches batches = new ArrayBatches(data(), BATCH, new SplittableRandom(5), 0, shard);
    List<List<Integer>> steps = new ArrayList<>();
    for (int s = 0; s < 2 * batches.steps(); s++) {
      try (Batch batch = batches.next()) {
        TFloat32 x = (TFloat32) batch.inputs().get(0);
        TFloat32 y = batch.labels().get(0);
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < x.shape().get(0); r++) {
          rows.add((int) x.getFloat(r, 0));
          assertEquals(10f * x.getFloat(r, 0), y.getFloat(r), "label of the same row");
        }
        steps.add(rows);
      }
    }
    return steps;
  }

  @Test
  void eachTaskFeedsOnlyItsShareOfEachGlobalBatch() {
    List<List<Integer>> global = fed(null);
    for (int tasks : new int[] {2, 3, 5, 6}) {
      List<List<List<Integer>>> perTask = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        perTask.add(fed(new CollectiveGroup(tasks, t, 1, 60)));
      }
      for (int s = 0; s < global.size(); s++) {
        List<Integer> batch = global.get(s);
        List<Integer> joined = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
          List<Integer> own = perTask.get(t).get(s);
          int from = batch.size() * t / tasks;
          int to = batch.size() * (t + 1) / tasks;
          assertEquals(batch.subList(from, to), own, tasks + " tasks, task " + t + ", step " + s);
          joined.addAll(own);
        }
        assertEquals(batch, joined, tasks + " tasks, step " + s);
      }
    }
  }

  @Test
  void aTaskMayGetNoRowOfTheLastBatch() {
    // the last batch has 5 rows: of 6 tasks, task 0 gets none, and still runs the step
    List<List<Integer>> first = fed(new CollectiveGroup(6, 0, 1, 60));
    assertEquals(List.of(1, 1, 0), first.subList(0, 3).stream().map(List::size).toList());
    assertEquals(6, first.size());
  }
}
