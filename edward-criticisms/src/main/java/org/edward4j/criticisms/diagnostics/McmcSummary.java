package org.edward4j.criticisms.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A table of posterior summaries and convergence diagnostics, one row per scalar quantity, like
 * Stan's {@code print(fit)}: mean, sd, Monte Carlo standard error of the mean, 5/50/95% quantiles,
 * bulk and tail effective sample sizes and rank-normalized R-hat (A. Vehtari et al., Bayesian
 * Analysis 16, 2021). {@link #toString()} prints the table.
 *
 * <pre>{@code
 * double[][] mu = {{5.1, 6.0, 4.8, 5.5, 6.2, 5.9}, {5.7, 4.9, 6.1, 5.2, 5.0, 6.3}};
 * double[][] logTau = {{2.4, 2.5, 2.3, 2.6, 2.4, 2.5}, {2.5, 2.2, 2.6, 2.4, 2.3, 2.7}};
 * McmcSummary summary = McmcSummary.builder().add("mu", mu).add("log_tau", logTau).build();
 * System.out.println(summary);
 * double essMu = summary.row("mu").essBulk();
 * }</pre>
 */
public final class McmcSummary {

  private final Map<String, ParameterSummary> rows;

  private McmcSummary(Map<String, ParameterSummary> rows) {
    this.rows = rows;
  }

  /**
   * A builder, adding quantities in the order they should be printed.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rows, in the order added.
   *
   * @return an unmodifiable list
   */
  public List<ParameterSummary> rows() {
    return List.copyOf(rows.values());
  }

  /**
   * The row of one quantity.
   *
   * @param name a name given to {@link Builder#add}
   * @return its row
   * @throws IllegalArgumentException if no quantity has that name
   */
  public ParameterSummary row(String name) {
    ParameterSummary r = rows.get(name);
    if (r == null) {
      throw new IllegalArgumentException("`name` must be one of " + rows.keySet() + ", got " + name);
    }
    return r;
  }

  /** The table, one line per quantity under a header line. */
  @Override
  public String toString() {
    int width = 4;
    for (String name : rows.keySet()) {
      width = Math.max(width, name.length());
    }
    StringBuilder sb = new StringBuilder();
    ParameterSummary first = rows.values().iterator().next();
    sb.append(String.format(Locale.ROOT, "%d chains, %d draws each%n", first.chains(), first.draws() / first.chains()));
    sb.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %10s %10s %10s %10s %9s %9s %7s%n",
        "", "mean", "sd", "mcse", "5%", "50%", "95%", "ess_bulk", "ess_tail", "rhat"));
    for (ParameterSummary r : rows.values()) {
      sb.append(String.format(Locale.ROOT, "%-" + width + "s %10.4g %10.4g %10.4g %10.4g %10.4g %10.4g %9.0f %9.0f %7.3f%n",
          r.name(), r.mean(), r.sd(), r.mcseMean(), r.q5(), r.q50(), r.q95(), r.essBulk(), r.essTail(), r.rhat()));
    }
    return sb.toString();
  }

  /** Collects the quantities of a summary. */
  public static final class Builder {

    private final Map<String, double[][]> draws = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a quantity drawn by several chains.
     *
     * @param name a name not added before
     * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
     * @return this builder
     * @throws IllegalArgumentException for a repeated name or bad draws
     */
    public Builder add(String name, double[][] chains) {
      Objects.requireNonNull(name, "name");
      if (draws.containsKey(name)) {
        throw new IllegalArgumentException("`name` must be new, got " + name + " a second time");
      }
      Chains.check(name, chains, 4);
      double[][] copy = new double[chains.length][];
      for (int m = 0; m < chains.length; m++) {
        copy[m] = chains[m].clone();
      }
      draws.put(name, copy);
      return this;
    }

    /**
     * Adds a quantity drawn by one chain.
     *
     * @param name a name not added before
     * @param chain the draws, finite, at least four
     * @return this builder
     * @throws IllegalArgumentException for a repeated name or bad draws
     */
    public Builder add(String name, double[] chain) {
      return add(name, new double[][] {chain});
    }

    /**
     * Adds every coordinate of a vector- or matrix-valued latent, as fetched from the {@code params}
     * of its {@code Empirical} (one array per chain, row-major {@code [draws] + eventShape}): one
     * row per coordinate, named {@code name[i]}, {@code name[i,j]}, ...
     *
     * @param name the latent's name
     * @param chains per chain, the draws flattened row-major; finite
     * @param eventShape the latent's shape, empty for a scalar
     * @return this builder
     * @throws IllegalArgumentException if a chain's length is not a multiple of the event size, the
     *     chains differ in length, a name repeats, or a coordinate's draws are bad
     */
    public Builder addCoordinates(String name, float[][] chains, long... eventShape) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(eventShape, "eventShape");
      if (chains == null || chains.length == 0) {
        throw new IllegalArgumentException("`chains` must hold at least one chain for " + name);
      }
      long size = 1;
      for (long d : eventShape) {
        if (d < 1) {
          throw new IllegalArgumentException("`eventShape` must have positive dimensions, got " + java.util.Arrays.toString(eventShape));
        }
        size *= d;
      }
      int k = Math.toIntExact(size);
      for (int c = 0; c < chains.length; c++) {
        if (chains[c] == null || chains[c].length % k != 0 || chains[c].length != chains[0].length) {
          throw new IllegalArgumentException("`chains[" + c + "]` of " + name + " must hold the same whole number of draws of "
              + k + " values as chain 0, got " + (chains[c] == null ? "null" : chains[c].length + " values"));
        }
      }
      int draws = chains[0].length / k;
      for (int j = 0; j < k; j++) {
        double[][] coordinate = new double[chains.length][draws];
        for (int c = 0; c < chains.length; c++) {
          for (int i = 0; i < draws; i++) {
            coordinate[c][i] = chains[c][i * k + j];
          }
        }
        add(eventShape.length == 0 ? name : name + index(j, eventShape), coordinate);
      }
      return this;
    }

    /** {@code [i,j,...]} of the {@code flat}-th element of a row-major array of {@code shape}. */
    private static String index(int flat, long[] shape) {
      long[] idx = new long[shape.length];
      long rest = flat;
      for (int d = shape.length - 1; d >= 0; d--) {
        idx[d] = rest % shape[d];
        rest /= shape[d];
      }
      StringBuilder sb = new StringBuilder("[");
      for (int d = 0; d < idx.length; d++) {
        sb.append(d == 0 ? "" : ",").append(idx[d]);
      }
      return sb.append(']').toString();
    }

    /**
     * Computes every row.
     *
     * @return the summary
     * @throws IllegalStateException if no quantity was added
     */
    public McmcSummary build() {
      if (draws.isEmpty()) {
        throw new IllegalStateException("McmcSummary needs at least one quantity: call add(name, chains) first");
      }
      Map<String, ParameterSummary> rows = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(draws.keySet());
      for (String name : names) {
        rows.put(name, ParameterSummary.of(name, draws.get(name)));
      }
      return new McmcSummary(rows);
    }
  }
}
