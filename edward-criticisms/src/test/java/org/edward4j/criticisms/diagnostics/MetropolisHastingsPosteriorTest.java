package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.montecarlo.KernelStep;
import org.edward4j.inferences.montecarlo.LogJoint;
import org.edward4j.inferences.montecarlo.MetropolisHastingsKernel;
import org.edward4j.inferences.montecarlo.RandomWalkProposal;
import org.edward4j.inferences.montecarlo.SampleStore;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Metropolis-Hastings with a Gaussian random walk on Edward's beta_bernoulli example: p ~ Beta(1,
 * 1), ten coin flips with two heads, so the posterior is Beta(3, 9): mean 0.25, sd sqrt(27 / (144
 * 13)) = 0.1201 (Edward's "exact posterior has mean 0.25 and std 0.12"). Tolerances are 4.5 Monte
 * Carlo standard errors, {@code sd / sqrt(ESS)} with the ESS estimated from the chains.
 */
class MetropolisHastingsPosteriorTest {

  private static final int[] X = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
  private static final double MEAN = 3.0 / 12;
  private static final double VARIANCE = 3.0 * 9 / (12 * 12 * 13);

  @Test
  void betaBernoulliPosteriorIsRecovered() {
    int chains = 4;
    double[] acceptance = new double[chains];
    double[][] p;
    try (ModelContext ctx = ModelContext.withSeed(41)) {
      Ops tf = ctx.tf();
      VariableScope model = ctx.scope("model");
      // The model written with edward4j's distributions, rebuilt at each point as Edward's copy does.
      LogJoint logJoint = z -> {
        Operand<TFloat32> prior = Beta.of(model, 1.0, 1.0).logProb(z.get(0));
        Bernoulli<TInt32> x = Bernoulli.builder(model).probs(z.get(0)).sampleShape(X.length).build();
        return tf.math.add(prior, tf.reduceSum(x.logProb(tf.constant(X)), tf.constant(0)));
      };
      List<SampleStore> stores = new ArrayList<>();
      List<SampleStore.Recorded> updates = new ArrayList<>();
      for (int c = 0; c < chains; c++) {
        VariableScope scope = ctx.scope("qp" + c);
        // Edward's example starts at 0.5; the chains here start spread over (0, 1).
        Variable<TFloat32> params = scope.getVariable("params", Shape.of(4000), Initializers.constant(0.1 + 0.25 * c));
        SampleStore store = SampleStore.create(scope, List.of(params));
        List<Operand<TFloat32>> current = store.current(tf);
        KernelStep step = MetropolisHastingsKernel.step(ctx, tf, logJoint, current, RandomWalkProposal.normal(ctx, tf, current, 0.3));
        stores.add(store);
        updates.add(store.record(tf, step));
      }
      p = ChainRunner.run(ctx, stores, updates, 200)[0];
      for (int c = 0; c < chains; c++) {
        acceptance[c] = ChainRunner.acceptanceRate(ctx, stores.get(c));
      }
    }
    for (double a : acceptance) {
      // A step of 2.5 posterior sd accepts between a fifth and a half of the proposals, and every
      // proposal outside (0, 1) (where the log joint is -inf) is rejected.
      assertTrue(a > 0.2 && a < 0.6, "acceptance " + a);
    }
    for (double[] chain : p) {
      for (double v : chain) {
        assertTrue(v > 0 && v < 1, "a draw outside the support: " + v);
      }
    }
    McmcSummary summary = McmcSummary.builder().add("p", p).build();
    System.out.println("MH on Edward's beta_bernoulli, acceptance " + java.util.Arrays.toString(acceptance) + "\n" + summary);
    assertTrue(summary.row("p").rhat() < 1.01, summary.toString());
    double sd = Math.sqrt(VARIANCE);
    assertEquals(MEAN, ChainRunner.mean(p), 4.5 * ChainRunner.mcse(p, sd), "posterior mean");
    // Var((p - 0.25)^2) = E[(p - m)^4] - Var^2, with the Beta(3, 9) fourth central moment
    // 3 a b (a b (a + b - 6) + 2 (a + b)^2) / ((a + b)^4 (a + b + 1) (a + b + 2) (a + b + 3)).
    double a = 3;
    double b = 9;
    double n = a + b;
    double fourth = 3 * a * b * (a * b * (n - 6) + 2 * n * n) / (Math.pow(n, 4) * (n + 1) * (n + 2) * (n + 3));
    double[][] sq = ChainRunner.map(p, v -> (v - MEAN) * (v - MEAN));
    assertEquals(VARIANCE, ChainRunner.mean(sq), 4.5 * ChainRunner.mcse(sq, Math.sqrt(fourth - VARIANCE * VARIANCE)),
        "posterior variance");
  }
}
