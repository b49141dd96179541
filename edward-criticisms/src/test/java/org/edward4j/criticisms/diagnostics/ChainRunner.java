package org.edward4j.criticisms.diagnostics;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.inferences.montecarlo.SampleStore;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Drives several chains built side by side in one graph: each update runs every chain's update op
 * in one {@code Session.run}, as the future {@code MonteCarlo} inference will for one chain.
 */
final class ChainRunner {

  private ChainRunner() {}

  /**
   * Runs every store to capacity and returns the draws as {@code [dimension][chain][draw]}, the
   * draws after {@code burnIn} of each chain's {@code params} (flattened latent coordinates).
   */
  static double[][][] run(ModelContext ctx, List<SampleStore> stores, List<SampleStore.Recorded> updates, int burnIn) {
    long t = stores.get(0).capacity();
    for (long i = 0; i < t; i++) {
      Session.Runner runner = ctx.session().runner();
      updates.forEach(u -> runner.addTarget(u.update()));
      try (Result r = ctx.run(runner)) {
        // Each update's effect is in its variables.
      }
    }
    int dims = (int) (stores.get(0).params().get(0).shape().size() / t);
    int kept = (int) t - burnIn;
    double[][][] out = new double[dims][stores.size()][kept];
    for (int c = 0; c < stores.size(); c++) {
      float[] flat = ctx.eval(stores.get(c).params().get(0)).data();
      for (int i = 0; i < kept; i++) {
        for (int d = 0; d < dims; d++) {
          out[d][c][i] = flat[(burnIn + i) * dims + d];
        }
      }
    }
    return out;
  }

  /** The acceptance rate of each store: {@code n_accept / t}. */
  static double acceptanceRate(ModelContext ctx, SampleStore store) {
    return ctx.eval(store.nAccept()).data()[0] / ctx.eval(store.t()).data()[0];
  }

  /** {@code f(x)} elementwise, for the diagnostics of a function of the draws. */
  static double[][] map(double[][] chains, java.util.function.DoubleUnaryOperator f) {
    double[][] out = new double[chains.length][];
    for (int c = 0; c < chains.length; c++) {
      out[c] = java.util.Arrays.stream(chains[c]).map(f).toArray();
    }
    return out;
  }

  /** The mean of all draws of all chains. */
  static double mean(double[][] chains) {
    return Chains.mean(Chains.pooled(chains));
  }

  /**
   * The Monte Carlo standard error of the mean of {@code f(draws)} when the true mean is known,
   * from the true spread of {@code f} and the effective sample size of the split chains.
   */
  static double mcse(double[][] fDraws, double trueSd) {
    return trueSd / Math.sqrt(EffectiveSampleSize.ofSplit(fDraws));
  }
}
