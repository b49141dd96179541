package org.edward4j.inferences;

import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;

/**
 * The options every Monte Carlo inference takes, Edward's {@code MonteCarlo.initialize}: the run
 * options and {@code scale}. Edward sets {@code n_iter} to the number of samples {@code T} of the
 * {@code Empirical} approximations; here an {@code nIter} left unset defaults to {@code T} (the
 * family's {@link Inference#defaultNIter()}), and one that is set is checked against {@code T} by
 * the family. A sampler with parameters of its own (HMC's {@code stepSize} and {@code nSteps})
 * composes this record in its own options and implements {@link MonteCarloFamilyOptions}.
 *
 * <pre>{@code
 * MonteCarloOptions options = MonteCarloOptions.builder().nPrint(100).build();
 * }</pre>
 *
 * @param run the driver loop's options
 * @param scale per-variable weights on the log-density terms, as in {@link VariationalOptions}
 */
public record MonteCarloOptions(RunOptions run, Map<Operand<?>, Object> scale) implements MonteCarloFamilyOptions {

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException for a scale value that is neither a finite number nor a tensor
   */
  public MonteCarloOptions {
    Objects.requireNonNull(run, "run");
    scale = VariationalOptions.checkedScale(scale);
  }

  @Override
  public MonteCarloOptions monteCarlo() {
    return this;
  }

  /**
   * Edward's defaults: {@code nIter = T}.
   *
   * @return the defaults
   */
  public static MonteCarloOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MonteCarloOptions}. */
  public static final class Builder extends AbstractBuilder<Builder> {
    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public MonteCarloOptions build() {
      return monteCarloOptions();
    }
  }

  /**
   * The Monte Carlo family's setters, inherited by each sampler's builder.
   *
   * @param <B> the concrete builder
   */
  public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> extends RunOptions.AbstractBuilder<B> {
    private Map<Operand<?>, Object> scale = Map.of();

    /** For subclasses. */
    protected AbstractBuilder() {}

    /**
     * Per-variable weights on the log-density terms, e.g. {@code N / M} for minibatches.
     *
     * @param scale random variable to a finite number or a broadcastable float32 tensor
     * @return this
     */
    public B scale(Map<? extends Operand<?>, ?> scale) {
      this.scale = VariationalOptions.checkedScale(scale);
      return self();
    }

    /**
     * The Monte Carlo options set so far.
     *
     * @return the Monte Carlo part
     */
    protected final MonteCarloOptions monteCarloOptions() {
      return new MonteCarloOptions(runOptions(), scale);
    }
  }
}
