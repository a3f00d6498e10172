package io.tfbridge.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * A flow's batch equals {@code applyTransform} (tested against Keras to 1e-4) of the parameters it
 * drew: through TensorFlow's fused warp with the flips folded into its maps for "nearest" and
 * "reflect" (float32 points: within 1e-3 on 0-255 noise, the steepest image there is), through the
 * exact warp for "constant" and "wrap", and standardized as {@code standardize} does.
 */
class FlowWarpTest {
  private static final int N = 6;
  private static final long SEED = 11;

  /** Non-square 0-255 noise, three channels. */
  private static FloatNdArray noise() {
    FloatNdArray x = NdArrays.ofFloats(Shape.of(N, 9, 13, 3));
    SplittableRandom random = new SplittableRandom(3);
    x.scalars().forEach(s -> s.setFloat((float) random.nextDouble(255)));
    return x;
  }

  private static ImageDataGenerator augmenting(String fillMode) {
    return ImageDataGenerator.of().rotationRange(40).widthShiftRange(0.2).heightShiftRange(0.3)
        .shearRange(20).zoomRange(0.3).horizontalFlip(true).verticalFlip(true)
        .fillMode(fillMode).cval(7);
  }

  /** The largest difference between the flow's first batch and applyTransform + standardize. */
  private static double flowAgainstApplyTransform(ImageDataGenerator g) {
    FloatNdArray x = noise();
    SplittableRandom draws = new SplittableRandom(SEED); // no shuffle: the batch's draws only
    double worst = 0;
    try (ImageFlow flow = g.flow(x, null, N, false, SEED)) {
      FloatNdArray batch = flow.next().x();
      for (int i = 0; i < N; i++) {
        TransformParams params = RandomTransform.draw(g, draws, 9, 13);
        FloatNdArray expected = g.standardize(g.applyTransform(x.get(i), params));
        worst = Math.max(worst, maxDifference(expected, batch.get(i)));
      }
    }
    return worst;
  }

  private static double maxDifference(FloatNdArray a, FloatNdArray b) {
    double[] worst = {0};
    a.scalars().forEachIndexed((index, s) ->
        worst[0] = Math.max(worst[0], Math.abs(s.getFloat() - b.getFloat(index))));
    return worst[0];
  }

  @Test
  void fusedWarpWithFoldedFlipsMatchesTheExactWarp() {
    for (String mode : new String[] {"nearest", "reflect"}) {
      double worst = flowAgainstApplyTransform(augmenting(mode));
      assertTrue(worst < 1e-3, mode + ": " + worst);
    }
  }

  @Test
  void constantAndWrapFlowsUseTheExactWarp() {
    for (String mode : new String[] {"constant", "wrap"}) {
      double worst = flowAgainstApplyTransform(augmenting(mode));
      assertTrue(worst < 1e-5, mode + ": " + worst);
    }
  }

  @Test
  void standardizationInTheFlowGraphMatchesStandardize() {
    ImageDataGenerator g = augmenting("nearest").rescale(1 / 255.0).samplewiseCenter(true)
        .samplewiseStdNormalization(true);
    double worst = flowAgainstApplyTransform(g);
    assertTrue(worst < 1e-4, "standardized: " + worst);
  }
}
