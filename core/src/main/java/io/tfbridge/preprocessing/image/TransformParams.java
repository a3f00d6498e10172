package io.tfbridge.preprocessing.image;

/**
 * The parameters of one random transform, with Keras's keys ({@code get_random_transform}'s
 * dictionary): {@code theta} and {@code shear} in degrees, {@code tx}/{@code ty} in pixels (Keras's
 * {@code tx} is drawn from {@code height_shift_range} and scaled by the height, yet moves the image
 * along its width: keras-team/keras#17398, reproduced), zooms, flips, and the optional channel shift
 * intensity and brightness factor ({@code null} when not drawn).
 *
 * <pre>{@code
 * TransformParams p = TransformParams.identity().withTheta(30).withZoom(0.8, 1.2);
 * p.theta();   // 30.0
 * }</pre>
 */
public record TransformParams(double theta, double tx, double ty, double shear, double zx,
    double zy, boolean flipHorizontal, boolean flipVertical, Double channelShiftIntensity,
    Double brightness) {

  /** The parameters that leave an image as it is. */
  public static TransformParams identity() {
    return new TransformParams(0, 0, 0, 0, 1, 1, false, false, null, null);
  }

  /** These parameters with rotation {@code theta} (degrees). */
  public TransformParams withTheta(double theta) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        channelShiftIntensity, brightness);
  }

  /** These parameters with shifts {@code tx} and {@code ty} (pixels). */
  public TransformParams withShift(double tx, double ty) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        channelShiftIntensity, brightness);
  }

  /** These parameters with shear angle {@code shear} (degrees). */
  public TransformParams withShear(double shear) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        channelShiftIntensity, brightness);
  }

  /** These parameters with zooms {@code zx} and {@code zy}. */
  public TransformParams withZoom(double zx, double zy) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        channelShiftIntensity, brightness);
  }

  /** These parameters with the given flips. */
  public TransformParams withFlips(boolean horizontal, boolean vertical) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, horizontal, vertical,
        channelShiftIntensity, brightness);
  }

  /** These parameters with a channel shift intensity ({@code null}: none). */
  public TransformParams withChannelShift(Double intensity) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        intensity, brightness);
  }

  /** These parameters with a brightness factor ({@code null}: none). */
  public TransformParams withBrightness(Double factor) {
    return new TransformParams(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
        channelShiftIntensity, factor);
  }
}
