package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** The Javadoc examples of the Monte Carlo package, written out so they compile and run. */
class MonteCarloJavadocExamplesTest {

  /** The store and its update op, as SampleStore's example makes them. */
  private record StoreAndUpdate(SampleStore store, SampleStore.Recorded update) {}

  // Each example sits in its own method, verbatim, so their local names do not collide.

  private static LogJoint logJointExample(Ops tf) {
    // --- LogJoint
    // log N(z | 1, 1) up to a constant
    LogJoint logJoint = z -> tf.math.mul(tf.constant(-0.5f),
        tf.reduceSum(tf.math.square(tf.math.sub(z.get(0), tf.constant(1f))), tf.constant(0)));
    return logJoint;
  }

  private static StoreAndUpdate sampleStoreExample(ModelContext ctx, Ops tf, VariableScope scope, LogJoint logJoint, HmcKernel hmc) {
    // --- SampleStore
    Variable<TFloat32> params = scope.getVariable("params", Shape.of(1000, 2), Initializers.zeros());
    SampleStore store = SampleStore.create(scope, List.of(params));
    KernelStep next = hmc.step(ctx, tf, logJoint, store.current(tf));
    SampleStore.Recorded update = store.record(tf, next);
    return new StoreAndUpdate(store, update);
  }

  private static KernelStep hmcExample(ModelContext ctx, Ops tf, LogJoint logJoint, Operand<TFloat32> z) {
    // --- HmcKernel
    HmcKernel hmc = HmcKernel.builder().stepSize(0.1).nSteps(5).build();
    KernelStep next = hmc.step(ctx, tf, logJoint, List.of(z));
    return next;
  }

  private static KernelStep metropolisHastingsExample(ModelContext ctx, Ops tf, LogJoint logJoint,
      List<Operand<TFloat32>> current) {
    // --- MetropolisHastingsKernel
    Proposal walk = RandomWalkProposal.normal(ctx, tf, current, 0.1);
    KernelStep next = MetropolisHastingsKernel.step(ctx, tf, logJoint, current, walk);
    return next;
  }

  private static List<Operand<TFloat32>> metropolisCorrectionExample(ModelContext ctx, Ops tf,
      Operand<TFloat32> logRatio, List<Operand<TFloat32>> proposed, List<Operand<TFloat32>> current) {
    // --- MetropolisCorrection
    Operand<TBool> accepted = MetropolisCorrection.accept(ctx, tf, logRatio);
    List<Operand<TFloat32>> next = MetropolisCorrection.select(tf, accepted, proposed, current);
    return next;
  }

  private static KernelStep sgldExample(ModelContext ctx, Ops tf, LogJoint logJoint, List<Operand<TFloat32>> current,
      SampleStore store) {
    // --- SgldKernel
    SgldKernel sgld = SgldKernel.builder().stepSize(0.1).build();
    KernelStep next = sgld.step(ctx, tf, logJoint, current, store.t());
    return next;
  }

  private static KernelStep sghmcExample(ModelContext ctx, LogJoint logJoint, List<Operand<TFloat32>> current) {
    // --- SghmcKernel
    SghmcKernel sghmc = SghmcKernel.builder().stepSize(0.025).friction(0.1).build();
    KernelStep next = sghmc.step(ctx.scope("sghmc"), logJoint, current);
    return next;
  }

  private static List<KernelStep> replicaExchangeExample(ModelContext ctx, Ops tf, LogJoint logJoint,
      List<List<Operand<TFloat32>>> replicas) {
    // --- ReplicaExchangeKernel
    ReplicaExchangeKernel rex = ReplicaExchangeKernel.builder()
        .inverseTemperatures(1.0, 0.3, 0.1, 0.03, 0.01).exchangeFreq(0.1).build();
    List<KernelStep> steps = rex.step(ctx, tf, logJoint, replicas,
        current -> RandomWalkProposal.normal(ctx, tf, current, 1.0));
    return steps;
  }

  private static ProposalFunction proposalFunctionExample(ModelContext ctx, Ops tf) {
    // --- ProposalFunction
    ProposalFunction walk = current -> RandomWalkProposal.normal(ctx, tf, current, 1.0);
    return walk;
  }

  @Test
  void examplesBuildAndRun() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Ops tf = ctx.tf();
      VariableScope scope = ctx.scope("qz");
      LogJoint logJoint = logJointExample(tf);
      HmcKernel hmc = HmcKernel.builder().stepSize(0.1).nSteps(5).build();
      StoreAndUpdate made = sampleStoreExample(ctx, tf, scope, logJoint, hmc);
      SampleStore store = made.store();
      KernelStep fromZ = hmcExample(ctx, tf, logJoint, tf.constant(new float[] {0f, 0f}));
      // From Leapfrog's Javadoc:
      Operand<TFloat32> z0 = tf.constant(new float[] {0f, 0f});
      Operand<TFloat32> r0 = tf.constant(new float[] {1f, 0f});
      Leapfrog.Trajectory end = Leapfrog.integrate(ctx, tf, logJoint, List.of(z0), List.of(r0), 0.1, 10);
      Operand<TFloat32> z10 = end.state().get(0);
      List<Operand<TFloat32>> current = store.current(tf);
      KernelStep mh = metropolisHastingsExample(ctx, tf, logJoint, current);
      // From Proposal's Javadoc:
      Proposal walk = RandomWalkProposal.normal(ctx, tf, current, 0.1);
      Proposal same = Proposal.symmetric(tf, walk.proposed());
      List<Operand<TFloat32>> nextState = metropolisCorrectionExample(ctx, tf, mh.logAcceptRatio(), same.proposed(), current);
      KernelStep langevin = sgldExample(ctx, tf, logJoint, current, store);
      KernelStep friction = sghmcExample(ctx, logJoint, current);
      List<KernelStep> steps = replicaExchangeExample(ctx, tf, logJoint, List.of(current, current, current, current, current));
      ProposalFunction walkFunction = proposalFunctionExample(ctx, tf);
      assertEquals(5, steps.size());
      assertEquals(2, walkFunction.at(current).proposed().get(0).shape().size());
      assertEquals(2, fromZ.state().get(0).shape().size());
      // From UnconstrainedLogJoint's Javadoc:
      LogJoint onReals = UnconstrainedLogJoint.of(tf, logJoint, List.of(Support.UNIT_INTERVAL));
      assertEquals(0, onReals.at(current).shape().numDimensions());
      // Unit-mass harmonic motion about 1 with omega = 1 for time 1, from z - 1 = -1 with velocity 1:
      // z = 1 - cos(1) + sin(1) ~ 1.301; leapfrog's error is O(eps^2) = 0.01 times a small constant.
      assertEquals(1 - Math.cos(1) + Math.sin(1), ctx.eval(z10).data()[0], 5e-3);
      for (int i = 0; i < 3; i++) {
        try (var r = ctx.run(ctx.session().runner().addTarget(made.update().update()))) {
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
