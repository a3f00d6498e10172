package io.tfbridge.metrics;

import io.tfbridge.saving.Config;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's metrics that average a per-sample error or divergence: {@code MeanAbsoluteError},
 * {@code MeanSquaredError}, {@code RootMeanSquaredError}, {@code MeanAbsolutePercentageError},
 * {@code MeanSquaredLogarithmicError}, {@code CosineSimilarity}, {@code LogCoshError},
 * {@code KLDivergence}, {@code Poisson}, {@code Hinge}, {@code SquaredHinge} and
 * {@code CategoricalHinge}, with Keras's formulas (epsilon 1e-7) and default names.
 *
 * <pre>{@code
 * Metric mae = LossMetric.of(LossMetric.Fn.MEAN_ABSOLUTE_ERROR);
 * Metric rmse = LossMetric.of(LossMetric.Fn.ROOT_MEAN_SQUARED_ERROR).name("rmse");
 * }</pre>
 */
public final class LossMetric extends MeanMetricWrapper {

  /** The per-sample quantity, by Keras class. */
  public enum Fn {
    MEAN_ABSOLUTE_ERROR("MeanAbsoluteError"),
    MEAN_SQUARED_ERROR("MeanSquaredError"),
    /** The square root of the mean squared error over the epoch. */
    ROOT_MEAN_SQUARED_ERROR("RootMeanSquaredError"),
    MEAN_ABSOLUTE_PERCENTAGE_ERROR("MeanAbsolutePercentageError"),
    MEAN_SQUARED_LOGARITHMIC_ERROR("MeanSquaredLogarithmicError"),
    COSINE_SIMILARITY("CosineSimilarity"),
    /** Keras names it {@code logcosh}. */
    LOG_COSH_ERROR("LogCoshError"),
    KL_DIVERGENCE("KLDivergence"),
    POISSON("Poisson"),
    HINGE("Hinge"),
    SQUARED_HINGE("SquaredHinge"),
    CATEGORICAL_HINGE("CategoricalHinge");

    private final String className;

    Fn(String className) {
      this.className = className;
    }

    /** Keras's class name, e.g. {@code MeanAbsoluteError}. */
    public String className() {
      return className;
    }

    /** Keras's default metric name, e.g. {@code mean_absolute_error}. */
    public String defaultName() {
      return this == LOG_COSH_ERROR ? "logcosh" : name().toLowerCase(Locale.ROOT);
    }
  }

  private final Fn fn;

  private LossMetric(String name, String identifier, Fn fn) {
    super(name, identifier);
    this.fn = fn;
  }

  /** The metric of {@code fn} under Keras's default name. */
  public static LossMetric of(Fn fn) {
    return new LossMetric(fn.defaultName(), null, fn);
  }

  static LossMetric byName(String identifier, Fn fn) {
    return new LossMetric(identifier, identifier, fn);
  }

  /** A copy reported under {@code name}. */
  public LossMetric name(String name) {
    return new LossMetric(name, null, fn);
  }

  /** The per-sample quantity. */
  public Fn fn() {
    return fn;
  }

  @Override
  public String className() {
    return fn.className;
  }

  @Override
  public Config config() {
    return configHead().build();
  }

  @Override
  public double result(double[][] totals) {
    double mean = mean(totals);
    return fn == Fn.ROOT_MEAN_SQUARED_ERROR ? Math.sqrt(mean) : mean;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return LossMetricFormulas.perSample(tf, fn, yTrue, yPred);
  }

  /**
   * Keras's {@code _direction}: up for the cosine similarity, none for KLDivergence and Poisson
   * (Keras leaves theirs unset), down for the errors.
   */
  @Override
  public java.util.Optional<Direction> direction() {
    return switch (fn) {
      case COSINE_SIMILARITY -> java.util.Optional.of(Direction.UP);
      case KL_DIVERGENCE, POISSON -> java.util.Optional.empty();
      default -> java.util.Optional.of(Direction.DOWN);
    };
  }
}
