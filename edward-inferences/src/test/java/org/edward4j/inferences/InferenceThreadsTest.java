package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.GradientDescent;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * One inference shared by several threads (issue 17, defect 1): updates are serialized, so every
 * returned {@link UpdateInfo} describes the update that was applied.
 */
class InferenceThreadsTest {

  private static final int THREADS = 4;
  private static final int UPDATES = 400;

  /**
   * MAP of mu ~ N(0, 1), x ~ N(mu, 1) with plain gradient descent at rate 1/2: the loss is
   * (x - mu)^2 / 2 + mu^2 / 2 + log(2 pi), its gradient 2 mu - x, so one step sets mu to exactly x / 2
   * whatever mu was. Thread k feeds x = k + 1 on every call. Hence after all calls mu must be half
   * the value fed by the call told t = N*M: a call told the wrong t, a feed taken from another
   * thread, or a lost or doubled step all break that or the counters.
   */
  @Test
  void concurrentUpdatesAreSerializedAndEveryCallerIsToldWhatWasApplied() throws Exception {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.of(model, 0.0, 1.0);
      Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(1).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(1));
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("mu", Shape.scalar(), Initializers.zeros());
      MAP inference = new MAP(Map.of(mu, PointMass.of(ctx.scope("posterior"), v)), Map.of(x, xPh));
      inference.initialize(VariationalOptions.builder().nPrint(0).optimizer(GradientDescent.create(0.5)).build());

      // t -> the value fed by the call that was told t.
      Map<Long, Float> fedAt = new ConcurrentHashMap<>();
      Map<Long, Double> lossAt = new ConcurrentHashMap<>();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
          float value = k + 1;
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < UPDATES; i++) {
              UpdateInfo info = inference.update(Map.of(xPh, new float[] {value}));
              assertEquals(null, fedAt.put(info.t(), value), "t = " + info.t() + " told to two calls");
              lossAt.put(info.t(), info.values().get("loss"));
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS); // rethrows any exception of a caller
        }
      } finally {
        pool.shutdownNow();
      }

      long n = (long) THREADS * UPDATES;
      assertEquals(n, fedAt.size(), "distinct t values returned");
      for (long t = 1; t <= n; t++) {
        assertTrue(fedAt.containsKey(t), "no call was told t = " + t);
      }
      assertEquals(n, inference.iteration());
      // The graph counter holds n exactly (float32 represents integers below 2^24).
      assertEquals(n, (long) ctx.eval(inference.iterationVariable()).data()[0]);
      // mu = x / 2 exactly in float32 (halving and k + 1 are exact).
      assertEquals(fedAt.get(n) / 2, ctx.eval(v).scalar(), 0.0, "mu after the last applied update");
      // Each reported loss was computed from that call's own feed: at mu before the step (half the
      // previous call's value) or after it (half its own), depending on TF's read order.
      for (long t = 2; t <= n; t++) {
        double xt = fedAt.get(t);
        double before = loss(xt, fedAt.get(t - 1) / 2.0);
        double after = loss(xt, xt / 2);
        double got = lossAt.get(t);
        // float32 rounding of losses below 10: well under 1e-4.
        assertTrue(Math.abs(got - before) < 1e-4 || Math.abs(got - after) < 1e-4,
            "t = " + t + ": loss " + got + " fits neither " + before + " nor " + after);
      }
    }
  }

  /** MAP's loss, minus the log joint density of mu and x. */
  private static double loss(double x, double mu) {
    return 0.5 * (x - mu) * (x - mu) + 0.5 * mu * mu + Math.log(2 * Math.PI);
  }
}
