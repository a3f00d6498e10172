package io.tfbridge.models;

import io.tfbridge.data.Permutations;
import io.tfbridge.distribute.CollectiveGroup;
import java.util.SplittableRandom;

/**
 * Batches of samples held on the host, epoch after epoch: the samples in order, or reshuffled at the
 * start of every epoch (Fisher-Yates from the identity order, with the model's seeded generator).
 * For a task of a collective group, each batch is only the task's contiguous share of the global
 * batch ({@link CollectiveGroup#share}): every task draws the same permutation (the same seed) and
 * runs the same number of steps, and makes tensors of its own rows only.
 */
final class ArrayBatches implements TrainBatches {
  private final ArrayData data;
  private final int batchSize;
  private final SplittableRandom random;
  private final CollectiveGroup shard;
  private final int steps;
  private int[] order;
  private int from;

  /**
   * Batches of {@code batchSize} samples, shuffled each time the samples run out when {@code random}
   * is not null; {@code stepsPerEpoch} of them per epoch (0: as many as the samples make).
   */
  ArrayBatches(ArrayData data, int batchSize, SplittableRandom random, int stepsPerEpoch) {
    this(data, batchSize, random, stepsPerEpoch, null);
  }

  /**
   * As {@link #ArrayBatches(ArrayData, int, SplittableRandom, int)}, each batch cut to task
   * {@code shard.task()}'s share of it ({@code shard} null: whole batches).
   */
  ArrayBatches(ArrayData data, int batchSize, SplittableRandom random, int stepsPerEpoch,
      CollectiveGroup shard) {
    this.data = data;
    this.batchSize = batchSize;
    this.random = random;
    this.shard = shard;
    this.steps = stepsPerEpoch > 0 ? stepsPerEpoch : (data.size() + batchSize - 1) / batchSize;
    this.order = new int[0];
    this.from = 0;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public Batch next() {
    if (from >= order.length) { // the samples ran out: in order again, shuffled afresh
      order = Permutations.of(data.size(), random);
      from = 0;
    }
    int to = Math.min(order.length, from + batchSize);
    int[] own = shard == null ? new int[] {0, to - from} : shard.share(to - from);
    Batch batch = data.batch(order, from + own[0], from + own[1]);
    from = to;
    return batch;
  }

  @Override
  public void close() {}

}
