package io.tfbridge.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** tf.summary.histogram's 30 buckets: equal widths from min to max, one value, no values. */
class HistogramBucketsTest {

  @Test
  void equalWidthsFromTheMinimumToTheMaximumWhichFallsInTheLastBucket() {
    double[][] rows = HistogramBuckets.of(new float[] {3f, 0f, 0.5f, 3f, 1.55f});
    assertEquals(30, rows.length);
    assertArrayEquals(new double[] {0, 0.1, 1}, rows[0], 1e-12);
    assertArrayEquals(new double[] {0.5, 0.6, 1}, rows[5], 1e-12, "0.5 starts bucket 5");
    assertEquals(1, rows[15][2], "1.55 in [1.5, 1.6)");
    assertArrayEquals(new double[] {2.9, 3.0, 2}, rows[29], 1e-12, "the maximum, twice");
    assertEquals(3.0, rows[29][1], 0.0, "the last edge is the maximum itself");
    double total = 0;
    for (int i = 0; i < 30; i++) {
      total += rows[i][2];
      if (i > 0) {
        assertEquals(rows[i - 1][1], rows[i][0], 0.0, "contiguous edges");
      }
    }
    assertEquals(5, total);
  }

  @Test
  void oneValueFillsTheLastBucketAndNoValuesGiveZeros() {
    double[][] single = HistogramBuckets.of(new float[] {0.25f, 0.25f, 0.25f});
    for (int i = 0; i < 29; i++) {
      assertArrayEquals(new double[] {0.25, 0.25, 0}, single[i]);
    }
    assertArrayEquals(new double[] {0.25, 0.25, 3}, single[29]);
    for (double[] row : HistogramBuckets.of(new float[0])) {
      assertArrayEquals(new double[3], row);
    }
  }
}
