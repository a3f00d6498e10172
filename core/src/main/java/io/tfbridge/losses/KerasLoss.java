package io.tfbridge.losses;

import java.util.Objects;

/**
 * What every loss class shares: two losses are equal when they are of the same class with the same
 * config, so a loss read back from a file equals the one written.
 */
abstract class KerasLoss implements Loss {

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
