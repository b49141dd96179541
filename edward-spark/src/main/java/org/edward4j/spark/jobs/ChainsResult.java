package org.edward4j.spark.jobs;

import java.util.List;
import java.util.Locale;
import org.edward4j.criticisms.diagnostics.EffectiveSampleSize;
import org.edward4j.criticisms.diagnostics.McmcSummary;
import org.edward4j.criticisms.diagnostics.PotentialScaleReduction;

/**
 * The draws of every chain after burn-in, with the diagnostics across chains: BDA3's split R-hat
 * ({@link PotentialScaleReduction#split}), the effective sample size of the split chains ({@link
 * EffectiveSampleSize#ofSplit}, Stan's estimate for the standard error of a mean), the Monte Carlo
 * standard error {@code sd / sqrt(ESS)}, and Stan's table with the rank-normalized R-hat
 * ({@link #summary()}).
 *
 * <pre>{@code
 * ChainsResult result = ParallelChains.of(model, options).run(sc);
 * System.out.println(result);                   // a line per coordinate: mean, sd, MCSE, ESS, split R-hat
 * boolean mixed = result.splitRhat("mu", 0) < 1.01;
 * }</pre>
 */
public final class ChainsResult {

  private final List<ChainRun> runs;
  private final int burnIn;

  ChainsResult(List<ChainRun> runs, int burnIn) {
    this.runs = List.copyOf(runs);
    this.burnIn = burnIn;
    int draws = runs.get(0).draws();
    if (burnIn > draws - 4) {
      throw new IllegalArgumentException("`burnIn` must leave at least 4 of the " + draws
          + " draws each chain holds, got " + burnIn);
    }
  }

  /**
   * Each chain's run, in chain order, with every draw (burn-in included) and its timings.
   *
   * @return the runs
   */
  public List<ChainRun> runs() {
    return runs;
  }

  /**
   * The tracked quantities' names, in the model's order.
   *
   * @return the names
   */
  public List<String> names() {
    return List.copyOf(runs.get(0).widths().keySet());
  }

  /**
   * The number of coordinates of a quantity.
   *
   * @param name a tracked quantity
   * @return its width
   */
  public int width(String name) {
    Integer w = runs.get(0).widths().get(name);
    if (w == null) {
      throw new IllegalArgumentException("`name` must be one of " + names() + ", got " + name);
    }
    return w;
  }

  /**
   * One coordinate's draws after burn-in, {@code double[chain][draw]}.
   *
   * @param name a tracked quantity
   * @param coordinate from 0
   * @return the draws
   */
  public double[][] chains(String name, int coordinate) {
    int w = width(name);
    if (coordinate < 0 || coordinate >= w) {
      throw new IllegalArgumentException("`coordinate` must be in [0, " + (w - 1) + "] for " + name + ", got " + coordinate);
    }
    double[][] out = new double[runs.size()][];
    for (int c = 0; c < out.length; c++) {
      out[c] = runs.get(c).coordinate(name, coordinate, burnIn);
    }
    return out;
  }

  /**
   * BDA3's split R-hat of a coordinate across the chains.
   *
   * @param name a tracked quantity
   * @param coordinate from 0
   * @return R-hat; near 1 when the chains agree
   */
  public double splitRhat(String name, int coordinate) {
    return PotentialScaleReduction.split(chains(name, coordinate));
  }

  /**
   * The effective sample size of a coordinate over every chain, from the split chains.
   *
   * @param name a tracked quantity
   * @param coordinate from 0
   * @return the estimate
   */
  public double ess(String name, int coordinate) {
    return EffectiveSampleSize.ofSplit(chains(name, coordinate));
  }

  /**
   * The mean of every draw of every chain.
   *
   * @param name a tracked quantity
   * @param coordinate from 0
   * @return the posterior mean estimate
   */
  public double mean(String name, int coordinate) {
    double s = 0;
    long n = 0;
    for (double[] c : chains(name, coordinate)) {
      for (double v : c) {
        s += v;
        n++;
      }
    }
    return s / n;
  }

  /**
   * The standard deviation of every draw of every chain (divided by {@code n - 1}).
   *
   * @param name a tracked quantity
   * @param coordinate from 0
   * @return the posterior standard deviation estimate
   */
  public double sd(String name, int coordinate) {
    double m = mean(name, coordinate);
    double s = 0;
    long n = 0;
    for (double[] c : chains(name, coordinate)) {
      for (double v : c) {
        s += (v - m) * (v - m);
        n++;
      }
    }
    return Math.sqrt(s / (n - 1));
  }

  /**
   * The Monte Carlo standard error of the mean, {@code sd / sqrt(ESS)}.
   *
   * @param name a tracked quantity
   * @param coordinate from 0
   * @return the standard error
   */
  public double mcse(String name, int coordinate) {
    return sd(name, coordinate) / Math.sqrt(ess(name, coordinate));
  }

  /**
   * Stan's summary table: quantiles, bulk and tail ESS, rank-normalized R-hat per coordinate.
   *
   * @return the table
   */
  public McmcSummary summary() {
    McmcSummary.Builder b = McmcSummary.builder();
    for (String name : names()) {
      int w = width(name);
      for (int j = 0; j < w; j++) {
        b.add(w == 1 ? name : name + "[" + j + "]", chains(name, j));
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d chains x %d draws after a burn-in of %d%n",
        runs.size(), runs.get(0).draws() - burnIn, burnIn));
    for (String name : names()) {
      int w = width(name);
      for (int j = 0; j < w; j++) {
        sb.append(String.format(Locale.ROOT, "%s: mean %.4f, sd %.4f, MCSE %.4f, ESS %.0f, split R-hat %.3f%n",
            w == 1 ? name : name + "[" + j + "]", mean(name, j), sd(name, j), mcse(name, j), ess(name, j), splitRhat(name, j)));
      }
    }
    return sb.toString().stripTrailing();
  }
}
