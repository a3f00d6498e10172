package io.tfbridge.models;

import io.tfbridge.data.Permutations;
import java.util.SplittableRandom;

/**
 * Batches of samples held on the host, epoch after epoch: the samples in order, or reshuffled at the
 * start of every epoch (Fisher-Yates from the identity order, with the model's seeded generator).
 */
final class ArrayBatches implements TrainBatches {
  private final ArrayData data;
  private final int batchSize;
  private final SplittableRandom random;
  private final int steps;
  private int[] order;
  private int from;

  /**
   * Batches of {@code batchSize} samples, shuffled each time the samples run out when {@code random}
   * is not null; {@code stepsPerEpoch} of them per epoch (0: as many as the samples make).
   */
  ArrayBatches(ArrayData data, int batchSize, SplittableRandom random, int stepsPerEpoch) {
    this.data = data;
    this.batchSize = batchSize;
    this.random = random;
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
    Batch batch = data.batch(order, from, to);
    from = to;
    return batch;
  }

  @Override
  public void close() {}

}
