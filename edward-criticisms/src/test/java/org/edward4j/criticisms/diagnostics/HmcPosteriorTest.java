package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edward4j.core.Initializer;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.montecarlo.HmcKernel;
import org.edward4j.inferences.montecarlo.KernelStep;
import org.edward4j.inferences.montecarlo.LogJoint;
import org.edward4j.inferences.montecarlo.SampleStore;
import org.edward4j.inferences.montecarlo.Support;
import org.edward4j.inferences.montecarlo.UnconstrainedLogJoint;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * HMC kernels run to known posteriors, checked with the diagnostics: every tolerance is a number
 * of Monte Carlo standard errors, {@code sd / sqrt(ESS)}, with the ESS estimated from the chains.
 * 4.5 standard errors: a false failure rate of about 7e-6 per assertion if the ESS is right.
 */
class HmcPosteriorTest {

  private static final double Z = 4.5;

  /** Rows of a {@code params} variable initialized with {@code start} in every row. */
  private static Initializer startingAt(float[] start) {
    return new Initializer() {
      @Override
      public <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, org.edward4j.core.ModelContext.OpSeed seed) {
        Operand<TFloat32> row = tf.constant(start);
        return tf.dtypes.cast(tf.broadcastTo(row, tf.constant(shape.asArray())), dtype);
      }
    };
  }

  /** {@code chains} HMC chains side by side, each with its own store under {@code chain<c>}. */
  private static double[][][] runChains(ModelContext ctx, HmcKernel hmc, java.util.function.Function<Ops, LogJoint> model,
      float[][] starts, int t, int burnIn, double[] acceptance) {
    Ops tf = ctx.tf();
    List<SampleStore> stores = new ArrayList<>();
    List<SampleStore.Recorded> updates = new ArrayList<>();
    for (int c = 0; c < starts.length; c++) {
      VariableScope scope = ctx.scope("chain" + c);
      long[] dims = starts[c].length == 1 ? new long[] {t} : new long[] {t, starts[c].length};
      Variable<TFloat32> params = scope.getVariable("params", Shape.of(dims), startingAt(starts[c]));
      SampleStore store = SampleStore.create(scope, List.of(params));
      KernelStep step = hmc.step(ctx, tf, model.apply(tf), store.current(tf));
      stores.add(store);
      updates.add(store.record(tf, step));
    }
    double[][][] draws = ChainRunner.run(ctx, stores, updates, burnIn);
    for (int c = 0; c < starts.length; c++) {
      acceptance[c] = ChainRunner.acceptanceRate(ctx, stores.get(c));
    }
    return draws;
  }

  @Test
  void normalNormalPosteriorIsRecovered() {
    // Edward's normal_normal: mu ~ N(0, 1), 50 x ~ N(mu, 1); posterior N(sum x / 51, 1 / 51).
    Random random = new Random(9);
    float[] x = new float[50];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 + random.nextGaussian());
      sum += x[i];
    }
    double m = sum / 51;
    double sd = Math.sqrt(1 / 51.0);
    double[] acceptance = new double[1];
    double[][] mu;
    try (ModelContext ctx = ModelContext.withSeed(31)) {
      mu = runChains(ctx, HmcKernel.builder().stepSize(0.1).nSteps(5).build(), tf -> z -> {
        Operand<TFloat32> diff = tf.math.sub(z.get(0), tf.constant(x));
        return tf.math.mul(tf.constant(-0.5f), tf.math.add(tf.math.square(z.get(0)), tf.reduceSum(tf.math.square(diff), tf.constant(0))));
      }, new float[][] {{0f}}, 2000, 100, acceptance)[0];
    }
    assertTrue(acceptance[0] > 0.5, "acceptance " + acceptance[0]);
    assertEquals(m, ChainRunner.mean(mu), Z * ChainRunner.mcse(mu, sd), "posterior mean");
    // E[(mu - m)^2] = sd^2 with sd((mu - m)^2) = sqrt(2) sd^2 for a normal.
    double[][] sq = ChainRunner.map(mu, v -> (v - m) * (v - m));
    assertEquals(sd * sd, ChainRunner.mean(sq), Z * ChainRunner.mcse(sq, Math.sqrt(2) * sd * sd), "posterior variance");
  }

  @Test
  void betaBernoulliPosteriorIsRecoveredThroughTheSigmoid() {
    // Edward's beta_bernoulli (posterior Beta(3, 9): mean 0.25, variance 27 / (144 13)) sampled by
    // HMC on u = logit(p), with the log Jacobian of the sigmoid added (Edward's auto_transform).
    int[] flips = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
    double[] acceptance = new double[4];
    double[][] u;
    try (ModelContext ctx = ModelContext.withSeed(33)) {
      org.edward4j.core.VariableScope model = ctx.scope("model");
      java.util.function.Function<Ops, LogJoint> onReals = tf -> UnconstrainedLogJoint.of(tf, p -> {
        Operand<TFloat32> prior = Beta.of(model, 1.0, 1.0).logProb(p.get(0));
        Bernoulli<TInt32> x = Bernoulli.builder(model).probs(p.get(0)).sampleShape(flips.length).build();
        return tf.math.add(prior, tf.reduceSum(x.logProb(tf.constant(flips)), tf.constant(0)));
      }, List.of(Support.UNIT_INTERVAL));
      float start = (float) Support.UNIT_INTERVAL.unconstrain(0.5);
      u = runChains(ctx, HmcKernel.builder().stepSize(0.3).nSteps(5).build(), onReals,
          new float[][] {{start}, {start - 2}, {start + 2}, {start - 1}}, 1500, 100, acceptance)[0];
    }
    double[][] p = ChainRunner.map(u, v -> 1 / (1 + Math.exp(-v)));
    System.out.println("HMC on logit(p), Beta-Bernoulli\n" + McmcSummary.builder().add("p", p).build());
    double mean = 0.25;
    double variance = 27.0 / (144 * 13);
    double fourth = 3 * 3 * 9 * (3 * 9 * (12 - 6) + 2 * 144) / (Math.pow(12, 4) * 13 * 14 * 15);
    assertEquals(mean, ChainRunner.mean(p), Z * ChainRunner.mcse(p, Math.sqrt(variance)), "posterior mean");
    double[][] sq = ChainRunner.map(p, v -> (v - mean) * (v - mean));
    assertEquals(variance, ChainRunner.mean(sq), Z * ChainRunner.mcse(sq, Math.sqrt(fourth - variance * variance)),
        "posterior variance");
    for (double a : acceptance) {
      assertTrue(a > 0.5, "acceptance " + a);
    }
  }

  @Test
  void correlatedGaussianIsRecoveredByFourChainsThatMix() {
    // Edward's normal.py: mean [1, 1], sd [1, 1], correlation 0.8. Edward's step size 0.25, but 8
    // leapfrog steps rather than its default 2, whose short trajectories mix like a random walk
    // along the long axis (bulk ESS about 200 of 5200 draws).
    double rho = 0.8;
    double det = 1 - rho * rho;
    float[][] precision = {{(float) (1 / det), (float) (-rho / det)}, {(float) (-rho / det), (float) (1 / det)}};
    java.util.function.Function<Ops, LogJoint> model = tf -> z -> {
      Operand<TFloat32> diff = tf.math.sub(z.get(0), tf.constant(new float[] {1f, 1f}));
      Operand<TFloat32> pd = tf.reshape(tf.linalg.matMul(tf.constant(precision), tf.reshape(diff, tf.constant(new int[] {2, 1}))),
          tf.constant(new int[] {2}));
      return tf.math.mul(tf.constant(-0.5f), tf.reduceSum(tf.math.mul(diff, pd), tf.constant(0)));
    };
    float[][] starts = {{-3f, -3f}, {5f, 5f}, {-3f, 5f}, {5f, -3f}};
    double[] acceptance = new double[4];
    double[][][] z;
    try (ModelContext ctx = ModelContext.withSeed(32)) {
      z = runChains(ctx, HmcKernel.builder().stepSize(0.25).nSteps(8).build(), model, starts, 1500, 200, acceptance);
    }
    for (double a : acceptance) {
      assertTrue(a > 0.5, "acceptance " + a);
    }
    McmcSummary summary = McmcSummary.builder().add("z[0]", z[0]).add("z[1]", z[1]).build();
    System.out.println("HMC on Edward's normal.py target, acceptance " + java.util.Arrays.toString(acceptance) + "\n" + summary);
    for (int d = 0; d < 2; d++) {
      final int dim = d;
      // Mixed after burn-in: rank-normalized R-hat below Vehtari et al.'s 1.01.
      assertTrue(summary.rows().get(d).rhat() < 1.01, summary.toString());
      assertEquals(1.0, ChainRunner.mean(z[d]), Z * ChainRunner.mcse(z[d], 1.0), "mean of z[" + dim + "]");
      double[][] sq = ChainRunner.map(z[d], v -> (v - 1) * (v - 1));
      assertEquals(1.0, ChainRunner.mean(sq), Z * ChainRunner.mcse(sq, Math.sqrt(2)), "variance of z[" + dim + "]");
    }
    // Covariance: E[(z0 - 1)(z1 - 1)] = 0.8, and Var of the product of two unit normals with
    // correlation rho is 1 + rho^2.
    double[][] product = new double[4][];
    for (int c = 0; c < 4; c++) {
      product[c] = new double[z[0][c].length];
      for (int i = 0; i < product[c].length; i++) {
        product[c][i] = (z[0][c][i] - 1) * (z[1][c][i] - 1);
      }
    }
    assertEquals(rho, ChainRunner.mean(product), Z * ChainRunner.mcse(product, Math.sqrt(1 + rho * rho)), "covariance");
  }
}
