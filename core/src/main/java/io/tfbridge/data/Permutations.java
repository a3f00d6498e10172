package io.tfbridge.data;

import java.util.random.RandomGenerator;

/**
 * Orders of samples: {@code 0..n-1}, shuffled by Fisher-Yates (from the last index down, as numpy's
 * {@code permutation}) when a generator is given. The one shuffle behind {@code fit}'s epochs,
 * {@code train_test_split} and the image flows, so a seed means the same order everywhere.
 *
 * <pre>{@code
 * int[] order = Permutations.of(5, new SplittableRandom(7)); // the same five indices every run
 * int[] kept = Permutations.of(5, null);                      // {0, 1, 2, 3, 4}
 * }</pre>
 */
public final class Permutations {
  private Permutations() {
  }

  /** {@code 0..n-1}, shuffled by {@code random} unless it is null. */
  public static int[] of(int n, RandomGenerator random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; random != null && i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
