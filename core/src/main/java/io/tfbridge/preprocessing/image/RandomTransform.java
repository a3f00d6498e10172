package io.tfbridge.preprocessing.image;

import java.util.random.RandomGenerator;

/**
 * Keras's {@code get_random_transform}: the same draws in the same order, from the same
 * distributions (the numbers themselves come from Java's generator, not numpy's).
 */
final class RandomTransform {
  private RandomTransform() {
  }

  static TransformParams draw(ImageDataGenerator g, RandomGenerator random, int height, int width) {
    double theta = g.rotationRange != 0 ? uniform(random, -g.rotationRange, g.rotationRange) : 0;
    double tx = g.heightShiftRange.isActive() ? g.heightShiftRange.draw(random, height) : 0;
    double ty = g.widthShiftRange.isActive() ? g.widthShiftRange.draw(random, width) : 0;
    double shear = g.shearRange != 0 ? uniform(random, -g.shearRange, g.shearRange) : 0;
    double zx = 1;
    double zy = 1;
    if (g.zoomRange[0] != 1 || g.zoomRange[1] != 1) {
      zx = uniform(random, g.zoomRange[0], g.zoomRange[1]);
      zy = uniform(random, g.zoomRange[0], g.zoomRange[1]);
    }
    boolean flipHorizontal = random.nextDouble() < 0.5 && g.horizontalFlip;
    boolean flipVertical = random.nextDouble() < 0.5 && g.verticalFlip;
    Double channelShift = g.channelShiftRange != 0
        ? uniform(random, -g.channelShiftRange, g.channelShiftRange) : null;
    Double brightness = g.brightnessRange != null
        ? uniform(random, g.brightnessRange[0], g.brightnessRange[1]) : null;
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        channelShift, brightness);
  }

  /** numpy's {@code uniform(low, high)}: {@code low + (high - low) * u}, u in [0, 1). */
  static double uniform(RandomGenerator random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
