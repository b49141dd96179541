package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.MonteCarloOptions;

/**
 * The options of {@link ReplicaExchangeMC}: the Monte Carlo options, the inverse temperature of
 * each replica and how often an exchange is attempted. Edward 1.3.5 takes {@code
 * inverse_temperatures=np.logspace(0, -2, 5)} and {@code exchange_freq=0.1} in the constructor;
 * here they are options, with the same defaults.
 *
 * <pre>{@code
 * ReplicaExchangeOptions options = ReplicaExchangeOptions.builder()
 *     .inverseTemperatures(1.0, 0.5, 0.2, 0.05).exchangeFreq(0.5).nPrint(0).build();
 * }</pre>
 *
 * @param monteCarlo the Monte Carlo options (run options and {@code scale})
 * @param inverseTemperatures one per replica, the first exactly 1, each in {@code (0, 1]}
 * @param exchangeFreq the probability of attempting an exchange at each draw, in {@code [0, 1]}
 */
public record ReplicaExchangeOptions(MonteCarloOptions monteCarlo, List<Double> inverseTemperatures, double exchangeFreq)
    implements MonteCarloFamilyOptions {

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException for no temperature, a first one other than 1, one outside
   *     {@code (0, 1]}, or an exchange frequency outside {@code [0, 1]}
   */
  public ReplicaExchangeOptions {
    Objects.requireNonNull(monteCarlo, "monteCarlo");
    inverseTemperatures = List.copyOf(Objects.requireNonNull(inverseTemperatures, "inverseTemperatures"));
    kernel(inverseTemperatures, exchangeFreq);
  }

  /** The kernel these values describe; its builder checks them. */
  static ReplicaExchangeKernel kernel(List<Double> betas, double exchangeFreq) {
    double[] b = new double[betas.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = betas.get(i);
    }
    return ReplicaExchangeKernel.builder().inverseTemperatures(b).exchangeFreq(exchangeFreq).build();
  }

  /**
   * The replica exchange kernel of these options.
   *
   * @return the kernel
   */
  public ReplicaExchangeKernel kernel() {
    return kernel(inverseTemperatures, exchangeFreq);
  }

  /**
   * Edward's defaults: inverse temperatures {@code logspace(0, -2, 5)}, exchange frequency 0.1.
   *
   * @return the defaults
   */
  public static ReplicaExchangeOptions defaults() {
    return builder().build();
  }

  /**
   * A builder at Edward's defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ReplicaExchangeOptions(inverseTemperatures=%s, exchangeFreq=%s, %s)",
        inverseTemperatures, exchangeFreq, monteCarlo);
  }

  /** Builds {@link ReplicaExchangeOptions}. */
  public static final class Builder extends MonteCarloOptions.AbstractBuilder<Builder> {
    private List<Double> inverseTemperatures = defaultTemperatures();
    private double exchangeFreq = 0.1;

    private Builder() {}

    private static List<Double> defaultTemperatures() {
      List<Double> out = new ArrayList<>();
      for (double b : ReplicaExchangeKernel.builder().build().inverseTemperatures()) {
        out.add(b);
      }
      return out;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The inverse temperature of each replica (Edward's {@code inverse_temperatures}).
     *
     * @param betas at least one, the first exactly 1, each in {@code (0, 1]}
     * @return this
     * @throws IllegalArgumentException if empty, the first is not 1, or one is out of range
     */
    public Builder inverseTemperatures(double... betas) {
      ReplicaExchangeKernel.builder().inverseTemperatures(betas);
      List<Double> out = new ArrayList<>();
      for (double b : betas) {
        out.add(b);
      }
      this.inverseTemperatures = out;
      return this;
    }

    /**
     * The probability of attempting an exchange at each draw (Edward's {@code exchange_freq}).
     *
     * @param exchangeFreq in {@code [0, 1]}; default 0.1
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder exchangeFreq(double exchangeFreq) {
      ReplicaExchangeKernel.builder().exchangeFreq(exchangeFreq);
      this.exchangeFreq = exchangeFreq;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ReplicaExchangeOptions build() {
      return new ReplicaExchangeOptions(monteCarloOptions(), inverseTemperatures, exchangeFreq);
    }
  }
}
