package io.tfbridge.losses;

import java.util.Objects;
import org.tensorflow.ndarray.Shape;

/**
 * What every loss class shares: labels of the output's shape unless a loss says otherwise, and
 * equality by class and config, so that a loss read back from a file equals the one written.
 */
abstract class KerasLoss implements Loss {

  /** The output's shape: one label per predicted value. */
  @Override
  public Shape labelShape(Shape outputShape) {
    return outputShape;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((Loss) o).getConfig().equals(getConfig());
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), getConfig());
  }

  @Override
  public String toString() {
    return className() + getConfig().asMap();
  }
}
