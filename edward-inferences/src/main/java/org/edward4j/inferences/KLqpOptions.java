package org.edward4j.inferences;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;

/**
 * The options of {@link KLqp} and its named variants ({@link ReparameterizationKLqp}, {@link
 * ScoreRBKLqp}, ...): the variational options, the number of Monte Carlo samples per gradient
 * estimate and the weights of the closed-form KL terms, Edward's {@code KLqp.initialize(n_samples=1,
 * kl_scaling=None, ...)}.
 *
 * <p>{@code klScaling} maps a latent variable {@code z} to {@code alpha_z}, a number or a float32
 * tensor broadcastable to {@code z}'s batch shape: the loss then holds {@code alpha_z * KL(q(z) ||
 * p(z))} instead of the KL weighted by {@code scale[z]} (or unweighted). Only the estimators with a
 * closed-form KL read it ({@link ReparameterizationKLKLqp}, {@link ScoreKLKLqp}, and {@link KLqp}
 * when it picks that estimator); the others reject a non-empty {@code klScaling}, as Edward's {@code
 * KLqp} does, since they have no KL term to weigh.
 *
 * <pre>{@code
 * KLqpOptions options = KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build();
 * }</pre>
 *
 * @param variational the variational family's options
 * @param nSamples samples per gradient estimate, at least 1
 * @param klScaling latent variable to the weight of its closed-form KL term; empty for none
 */
public record KLqpOptions(VariationalOptions variational, int nSamples, Map<Operand<?>, Object> klScaling)
    implements VariationalFamilyOptions {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code nSamples < 1} or a {@code klScaling} weight that is
   *     neither a finite number nor a tensor
   */
  public KLqpOptions {
    Objects.requireNonNull(variational, "variational");
    RunOptions.atLeast(nSamples, 1, "nSamples");
    klScaling = checkedKlScaling(klScaling);
  }

  /**
   * Options without {@code klScaling}.
   *
   * @param variational the variational family's options
   * @param nSamples samples per gradient estimate, at least 1
   */
  public KLqpOptions(VariationalOptions variational, int nSamples) {
    this(variational, nSamples, Map.of());
  }

  /**
   * Edward's defaults: one sample.
   *
   * @return the defaults
   */
  public static KLqpOptions defaults() {
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

  /** Builds {@link KLqpOptions}. */
  public static final class Builder extends VariationalOptions.AbstractBuilder<Builder> {
    private int nSamples = 1;
    private Map<Operand<?>, Object> klScaling = Map.of();

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Monte Carlo samples per gradient estimate; default 1.
     *
     * @param nSamples at least 1
     * @return this
     */
    public Builder nSamples(int nSamples) {
      this.nSamples = RunOptions.atLeast(nSamples, 1, "nSamples");
      return this;
    }

    /**
     * Edward's {@code kl_scaling}: the weight of each latent variable's closed-form KL term;
     * default none.
     *
     * @param klScaling latent variable to a finite number or a broadcastable float32 tensor
     * @return this
     */
    public Builder klScaling(Map<? extends Operand<?>, ?> klScaling) {
      this.klScaling = checkedKlScaling(klScaling);
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public KLqpOptions build() {
      return new KLqpOptions(variationalOptions(), nSamples, klScaling);
    }
  }

  private static Map<Operand<?>, Object> checkedKlScaling(Map<? extends Operand<?>, ?> klScaling) {
    Objects.requireNonNull(klScaling, "klScaling");
    Map<Operand<?>, Object> copy = new LinkedHashMap<>();
    klScaling.forEach((k, v) -> {
      Objects.requireNonNull(k, "klScaling key");
      if (!(v instanceof Number) && !(v instanceof Operand<?>)) {
        throw new IllegalArgumentException("`klScaling` values must be numbers or float32 tensors, got "
            + (v == null ? "null" : v.getClass().getSimpleName()));
      }
      if (v instanceof Number n && !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException("`klScaling` values must be finite, got " + n);
      }
      copy.put(k, v);
    });
    return Collections.unmodifiableMap(copy);
  }
}
