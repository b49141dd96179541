package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.Saver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A chain saved half-way and resumed in a fresh context draws exactly what the uninterrupted chain
 * drew: the draws, {@code t}, {@code n_accept} and SGHMC's velocity are variables, and every random
 * draw of the kernels comes from a stateless op keyed by the saved random step.
 */
class ResumeChainTest {

  private static final int T = 12;

  @TempDir Path dir;

  /** HMC on the 2-D Gaussian and SGHMC on a scalar, side by side; returns their updates. */
  private static List<SampleStore.Recorded> build(ModelContext ctx, SampleStore[] stores) {
    Ops tf = ctx.tf();
    VariableScope hmcScope = ctx.scope("hmc");
    Variable<TFloat32> z = hmcScope.getVariable("params", Shape.of(T, 2), Initializers.zeros());
    stores[0] = SampleStore.create(hmcScope, List.of(z));
    KernelStep hmc = HmcKernel.builder().stepSize(0.3).nSteps(3).build()
        .step(ctx, tf, GaussianTarget.correlated2d(0.8).logJoint(tf), stores[0].current(tf));
    VariableScope sghmcScope = ctx.scope("sghmc");
    Variable<TFloat32> mu = sghmcScope.getVariable("params", Shape.of(T, 3), Initializers.zeros());
    stores[1] = SampleStore.create(sghmcScope, List.of(mu));
    KernelStep sghmc = SghmcKernel.builder().stepSize(5).build().step(sghmcScope, new NormalNormal(2).logJoint(tf), stores[1].current(tf));
    return List.of(stores[0].record(tf, hmc), stores[1].record(tf, sghmc));
  }

  private static void run(ModelContext ctx, List<SampleStore.Recorded> updates, int n) {
    for (int i = 0; i < n; i++) {
      var runner = ctx.session().runner();
      updates.forEach(u -> runner.addTarget(u.update()));
      try (Result r = ctx.run(runner)) {
        assertEquals(0, r.size());
      }
    }
  }

  @Test
  void resumedChainDrawsWhatTheUninterruptedOneDrew() {
    float[] hmcAll;
    float[] sghmcAll;
    try (ModelContext ctx = ModelContext.withSeed(77)) {
      SampleStore[] stores = new SampleStore[2];
      List<SampleStore.Recorded> updates = build(ctx, stores);
      run(ctx, updates, T / 2);
      Saver.builder(ctx).build().save(dir, T / 2);
      // Every run advances the random step, evaluations too: both runs read t here.
      assertEquals(T / 2, ctx.eval(stores[0].t()).data()[0]);
      run(ctx, updates, T / 2);
      hmcAll = ctx.eval(stores[0].params().get(0)).data();
      sghmcAll = ctx.eval(stores[1].params().get(0)).data();
      assertEquals(T, ctx.eval(stores[0].t()).data()[0]);
    }
    try (ModelContext ctx = ModelContext.withSeed(77)) {
      SampleStore[] stores = new SampleStore[2];
      List<SampleStore.Recorded> updates = build(ctx, stores);
      Saver.builder(ctx).build().restore(dir);
      assertEquals(T / 2, ctx.eval(stores[0].t()).data()[0]);
      run(ctx, updates, T / 2);
      assertArrayEquals(hmcAll, ctx.eval(stores[0].params().get(0)).data(), "HMC draws " + Arrays.toString(hmcAll));
      assertArrayEquals(sghmcAll, ctx.eval(stores[1].params().get(0)).data(), "SGHMC draws");
    }
  }
}
