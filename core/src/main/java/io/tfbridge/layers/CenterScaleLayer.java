package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.Ones;
import io.tfbridge.initializers.Zeros;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.ndarray.Shape;

/**
 * What {@link BatchNormalization}, {@link LayerNormalization} and {@link GroupNormalization} share: epsilon (default 1e-3), the
 * learned scale gamma ({@code scale}, ones) and offset beta ({@code center}, zeros), with their
 * fluent copies and their part of Keras's config.
 *
 * @param <L> the concrete layer type, returned by the fluent methods
 */
public abstract class CenterScaleLayer<L extends CenterScaleLayer<L>> extends Layer<L> {
  double epsilon = 1e-3;
  boolean center = true;
  boolean scale = true;
  Initializer betaInitializer = Zeros.of();
  Initializer gammaInitializer = Ones.of();

  CenterScaleLayer() {}

  /** A copy with this epsilon added to the variance (default 0.001). */
  public L epsilon(double epsilon) {
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException("epsilon must be a non-negative number, found " + epsilon);
    }
    L copy = copy();
    copy.epsilon = epsilon;
    return copy;
  }

  /** A copy with or without the offset beta (default true). */
  public L center(boolean center) {
    L copy = copy();
    copy.center = center;
    return copy;
  }

  /** A copy with or without the scale gamma (default true). */
  public L scale(boolean scale) {
    L copy = copy();
    copy.scale = scale;
    return copy;
  }

  /** A copy with this beta initializer (default zeros). */
  public L betaInitializer(Initializer initializer) {
    L copy = copy();
    copy.betaInitializer = Objects.requireNonNull(initializer, "initializer");
    return copy;
  }

  /** A copy with this gamma initializer (default ones). */
  public L gammaInitializer(Initializer initializer) {
    L copy = copy();
    copy.gammaInitializer = Objects.requireNonNull(initializer, "initializer");
    return copy;
  }

  /** The epsilon added to the variance. */
  public double epsilon() {
    return epsilon;
  }

  /** Whether beta is added. */
  public boolean center() {
    return center;
  }

  /** Whether gamma multiplies. */
  public boolean scale() {
    return scale;
  }

  /** The beta initializer. */
  public Initializer betaInitializer() {
    return betaInitializer;
  }

  /** The gamma initializer. */
  public Initializer gammaInitializer() {
    return gammaInitializer;
  }

  /** gamma then beta, as Keras orders them, each of {@code shape}. */
  final List<WeightSpec> gammaBeta(Shape shape, boolean withGamma, boolean withBeta) {
    List<WeightSpec> specs = new ArrayList<>();
    if (withGamma) {
      specs.add(WeightSpec.trainable("gamma", shape, gammaInitializer));
    }
    if (withBeta) {
      specs.add(WeightSpec.trainable("beta", shape, betaInitializer));
    }
    return specs;
  }

  /** Writes epsilon, center and scale. */
  final Config.Builder putEpsilonCenterScale(Config.Builder b) {
    return b.put("epsilon", epsilon).put("center", center).put("scale", scale);
  }

  /** Writes the initializers, then Keras's null regularizers and constraints. */
  final Config.Builder putInitializers(Config.Builder b) {
    return b.put("beta_initializer", Initializers.serialize(betaInitializer))
        .put("gamma_initializer", Initializers.serialize(gammaInitializer))
        .putNull("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint");
  }

  /** Reads epsilon, center, scale and the initializers. */
  final L withCenterScale(ConfigReader c) {
    return epsilon(c.getDouble("epsilon", 1e-3)).center(c.getBool("center", true))
        .scale(c.getBool("scale", true))
        .betaInitializer(c.initializer("beta_initializer", Zeros.of()))
        .gammaInitializer(c.initializer("gamma_initializer", Ones.of()));
  }
}
