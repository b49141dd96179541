package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializer;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * HMC leaves the posterior invariant: K independent copies of the normal-normal model in one latent
 * of shape [K], each started at an exact posterior draw, stay exact posterior draws after every
 * transition. The K values at a given draw are independent, so their mean and variance have the
 * plain sampling errors {@code sd / sqrt(K)} and {@code sqrt(2) sd^2 / sqrt(K)}; {@code Z = 4.5}
 * gives a false failure rate of about 7e-6 per assertion. A log joint missing the data, or a wrong
 * sign of the gradient, spreads the chains toward the prior within a few draws.
 */
class HmcInvarianceTest {

  private static final int K = 4000;
  private static final int T = 40;
  private static final double Z = 4.5;

  @Test
  void chainsStartedAtExactPosteriorDrawsKeepThePosteriorMoments() {
    Random random = new Random(12);
    float[] column = new float[50];
    double sum = 0;
    for (int i = 0; i < column.length; i++) {
      column[i] = (float) (0.7 + random.nextGaussian());
      sum += column[i];
    }
    float[][] data = new float[50][K];
    for (int i = 0; i < 50; i++) {
      java.util.Arrays.fill(data[i], column[i]);
    }
    double mean = sum / 51;
    double sd = Math.sqrt(1 / 51.0);
    float[][] start = new float[T][K];
    for (int k = 0; k < K; k++) {
      start[0][k] = (float) (mean + sd * random.nextGaussian());
    }
    try (ModelContext ctx = ModelContext.withSeed(13)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = ctx.tf();
      Normal mu = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(K).build();
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      Variable<TFloat32> params = scope.getVariable("qmu", Shape.of(T, K), new Initializer() {
        @Override
        public <U extends TNumber> Operand<U> initialValue(Ops ops, Shape shape, Class<U> dtype, ModelContext.OpSeed seed) {
          return ops.dtypes.cast(ops.constant(start), dtype);
        }
      });
      Empirical qmu = Empirical.of(scope, params);
      HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, tf.constant(data)));
      // One accept decision for all K coordinates: a step of 0.4 sd keeps the joint acceptance
      // well inside (0, 1), so the Metropolis correction is exercised.
      hmc.run(HmcOptions.builder().stepSize(0.05).nSteps(4).nPrint(0).build());
      double accept = ctx.eval(hmc.sampleStore().nAccept()).longs()[0] / (double) T;
      float[] all = ctx.eval(qmu.params()).data();
      for (int t = 0; t < T; t++) {
        double m = 0;
        for (int k = 0; k < K; k++) {
          m += all[t * K + k];
        }
        m /= K;
        double v = 0;
        for (int k = 0; k < K; k++) {
          v += (all[t * K + k] - mean) * (all[t * K + k] - mean);
        }
        v /= K;
        assertEquals(mean, m, Z * sd / Math.sqrt(K), "mean after draw " + t + " (acceptance " + accept + ")");
        assertEquals(sd * sd, v, Z * Math.sqrt(2) * sd * sd / Math.sqrt(K), "variance after draw " + t);
      }
      // Neither stuck nor trivially accepting: moves happened and the correction rejected some.
      assertTrue(accept > 0.1 && accept < 0.95, "acceptance " + accept);
    }
  }
}
