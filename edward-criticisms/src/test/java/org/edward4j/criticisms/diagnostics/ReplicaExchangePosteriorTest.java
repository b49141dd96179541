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
import org.edward4j.inferences.montecarlo.ReplicaExchangeKernel;
import org.edward4j.inferences.montecarlo.SampleStore;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Replica exchange on a two-mode target, {@code 0.5 N(-5, 1) + 0.5 N(5, 1)}, as Edward's example
 * (a two-component mixture): the random walk alone stays in the mode it starts in (the density
 * between the modes is e^-12.5 of the peaks), while hot replicas cross and hand states down, so
 * the cold replica spends half its time in each mode. Tolerances are 4.5 Monte Carlo standard
 * errors from the ESS of the draws.
 */
class ReplicaExchangePosteriorTest {

  private static final int T = 4000;
  private static final int BURN_IN = 200;

  private static LogJoint mixture(Ops tf) {
    return z -> {
      Operand<TFloat32> x = z.get(0);
      Operand<TFloat32> a = tf.math.mul(tf.constant(-0.5f), tf.math.square(tf.math.add(x, tf.constant(5f))));
      Operand<TFloat32> b = tf.math.mul(tf.constant(-0.5f), tf.math.square(tf.math.sub(x, tf.constant(5f))));
      Operand<TFloat32> m = tf.math.maximum(a, b);
      Operand<TFloat32> lse = tf.math.add(m, tf.math.log(tf.math.add(tf.math.exp(tf.math.sub(a, m)), tf.math.exp(tf.math.sub(b, m)))));
      return tf.reshape(lse, tf.constant(new int[0]));
    };
  }

  private static SampleStore store(VariableScope scope) {
    Variable<TFloat32> params = scope.getVariable("params", Shape.of(T, 1), Initializers.constant(-5.0));
    return SampleStore.create(scope, List.of(params));
  }

  @Test
  void coldReplicaVisitsBothModesWhileARandomWalkStaysInOne() {
    double[] betas = {1.0, 0.25, 0.06, 0.015};
    ReplicaExchangeKernel rex = ReplicaExchangeKernel.builder().inverseTemperatures(betas).exchangeFreq(0.5).build();
    double[][] cold;
    double[][] plain;
    try (ModelContext ctx = ModelContext.withSeed(51)) {
      Ops tf = ctx.tf();
      LogJoint logJoint = mixture(tf);
      List<SampleStore> stores = new ArrayList<>();
      List<List<Operand<TFloat32>>> replicas = new ArrayList<>();
      for (int i = 0; i < betas.length; i++) {
        SampleStore s = store(ctx.scope("replica" + i));
        stores.add(s);
        replicas.add(s.current(tf));
      }
      List<KernelStep> steps = rex.step(ctx, tf, logJoint, replicas, current -> RandomWalkProposal.normal(ctx, tf, current, 2.0));
      List<SampleStore.Recorded> updates = new ArrayList<>();
      for (int i = 0; i < betas.length; i++) {
        updates.add(stores.get(i).record(tf, steps.get(i)));
      }
      // The same random walk without replicas, for comparison, in the same runs.
      SampleStore alone = store(ctx.scope("alone"));
      List<Operand<TFloat32>> current = alone.current(tf);
      updates.add(alone.record(tf, MetropolisHastingsKernel.step(ctx, tf, logJoint, current,
          RandomWalkProposal.normal(ctx, tf, current, 2.0))));
      List<SampleStore> all = new ArrayList<>(stores);
      all.add(alone);
      double[][][] draws = ChainRunner.run(ctx, all, updates, BURN_IN);
      cold = new double[][] {draws[0][0]};
      plain = new double[][] {draws[0][betas.length]};
    }
    double[][] right = ChainRunner.map(cold, v -> v > 0 ? 1 : 0);
    McmcSummary summary = McmcSummary.builder().add("z (replica exchange)", cold).add("1[z > 0]", right).build();
    System.out.println("Replica exchange on a two-mode mixture\n" + summary);
    // The indicator has sd 1/2 under the target.
    assertEquals(0.5, ChainRunner.mean(right), 4.5 * ChainRunner.mcse(right, 0.5), "time in the right mode");
    // E[z] = 0 with sd sqrt(26) (mixture variance 1 + 25).
    assertEquals(0.0, ChainRunner.mean(cold), 4.5 * ChainRunner.mcse(cold, Math.sqrt(26)), "mean");
    double plainRight = ChainRunner.mean(ChainRunner.map(plain, v -> v > 0 ? 1 : 0));
    assertTrue(plainRight < 0.01, "the lone random walk left its mode: " + plainRight + " of its time on the right");
  }
}
