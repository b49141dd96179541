package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.variables.Initializers;
import org.edward4j.core.variables.Variable;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** The Javadoc examples of the Monte Carlo package, written out so they compile and run. */
class MonteCarloJavadocExamplesTest {

  @Test
  void examplesBuildAndRun() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Ops tf = ctx.tf();
      VariableScope scope = ctx.scope("qz");
      // From LogJoint's Javadoc:
      LogJoint logJoint = z -> tf.math.mul(tf.constant(-0.5f),
          tf.reduceSum(tf.math.square(tf.math.sub(z.get(0), tf.constant(1f))), tf.constant(0)));
      // From SampleStore's Javadoc:
      Variable<TFloat32> params = scope.getVariable("params", Shape.of(1000, 2), Initializers.zeros());
      SampleStore store = SampleStore.create(scope, List.of(params));
      // From HmcKernel's Javadoc:
      HmcKernel hmc = HmcKernel.builder().stepSize(0.1).nSteps(5).build();
      KernelStep next = hmc.step(ctx, tf, logJoint, store.current(tf));
      SampleStore.Recorded update = store.record(tf, next);
      // From Leapfrog's Javadoc:
      Operand<TFloat32> z0 = tf.constant(new float[] {0f, 0f});
      Operand<TFloat32> r0 = tf.constant(new float[] {1f, 0f});
      Leapfrog.Trajectory end = Leapfrog.integrate(ctx, tf, logJoint, List.of(z0), List.of(r0), 0.1, 10);
      Operand<TFloat32> z10 = end.state().get(0);
      // From RandomWalkProposal's, Proposal's and MetropolisHastingsKernel's Javadoc:
      List<Operand<TFloat32>> current = store.current(tf);
      Proposal walk = RandomWalkProposal.normal(ctx, tf, current, 0.1);
      Proposal same = Proposal.symmetric(tf, walk.proposed());
      KernelStep mh = MetropolisHastingsKernel.step(ctx, tf, logJoint, current, walk);
      // From MetropolisCorrection's Javadoc:
      Operand<TFloat32> logRatio = mh.logAcceptRatio();
      List<Operand<TFloat32>> proposed = same.proposed();
      Operand<TBool> accepted = MetropolisCorrection.accept(ctx, tf, logRatio);
      List<Operand<TFloat32>> nextState = MetropolisCorrection.select(tf, accepted, proposed, current);
      // From SgldKernel's Javadoc:
      SgldKernel sgld = SgldKernel.builder().stepSize(0.1).build();
      KernelStep langevin = sgld.step(ctx, tf, logJoint, current, store.t());
      // From SghmcKernel's Javadoc:
      SghmcKernel sghmc = SghmcKernel.builder().stepSize(0.025).friction(0.1).build();
      KernelStep friction = sghmc.step(ctx.scope("sghmc"), logJoint, current);

      // From ReplicaExchangeKernel's and ProposalFunction's Javadoc:
      ReplicaExchangeKernel rex = ReplicaExchangeKernel.builder()
          .inverseTemperatures(1.0, 0.3, 0.1, 0.03, 0.01).exchangeFreq(0.1).build();
      List<List<Operand<TFloat32>>> replicas = List.of(current, current, current, current, current);
      List<KernelStep> steps = rex.step(ctx, tf, logJoint, replicas,
          current2 -> RandomWalkProposal.normal(ctx, tf, current2, 1.0));
      ProposalFunction walkFunction = current2 -> RandomWalkProposal.normal(ctx, tf, current2, 1.0);
      assertEquals(5, steps.size());
      assertEquals(2, walkFunction.at(current).proposed().get(0).shape().size());
      // From UnconstrainedLogJoint's Javadoc:
      LogJoint onReals = UnconstrainedLogJoint.of(tf, logJoint, List.of(Support.UNIT_INTERVAL));
      assertEquals(0, onReals.at(current).shape().numDimensions());
      // Unit-mass harmonic motion about 1 with omega = 1 for time 1, from z - 1 = -1 with velocity 1:
      // z = 1 - cos(1) + sin(1) ~ 1.301; leapfrog's error is O(eps^2) = 0.01 times a small constant.
      assertEquals(1 - Math.cos(1) + Math.sin(1), ctx.eval(z10).data()[0], 5e-3);
      for (int i = 0; i < 3; i++) {
        try (var r = ctx.run(ctx.session().runner().addTarget(update.update()))) {
          assertEquals(0, r.size());
        }
      }
      assertEquals(3f, ctx.eval(store.t()).data()[0]);
      assertEquals(2, nextState.get(0).shape().size());
      assertEquals(2, langevin.state().get(0).shape().size());
      assertTrue(friction.updates().size() == 1);
    }
  }
}
