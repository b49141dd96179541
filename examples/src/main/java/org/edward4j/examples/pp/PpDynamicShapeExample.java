package org.edward4j.examples.pp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.models.Exponential;
import org.edward4j.models.Gamma;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/pp_dynamic_shape.py}: a random variable whose size depends on a draw of
 * another, {@code alpha ~ Gamma(1, 1)}, {@code n = 1 + int(Exponential(0.5))}, {@code p ~
 * Dirichlet(ones([n]) * alpha)}; two evaluations print vectors of different lengths.
 *
 * <p>The figure is the mean length over {@code repeats} evaluations against its theory: {@code
 * floor} of an exponential of rate {@code 0.5} is geometric with {@code q = exp(-0.5)}, so {@code
 * E[n] = 1 + q / (1 - q) = 2.541}; and every draw must lie on the simplex. The vector's size is
 * known only when the graph runs, as in Edward.
 *
 * <p>Differs from Edward: edward4j's {@code Dirichlet} needs its size {@code K} when it is built
 * (its mode, entropy and KL use it), so the port draws {@code p} by the Dirichlet's definition, the
 * normalized vector of independent {@code Gamma(a_i, 1)} draws, from {@code Gamma} and {@code
 * Uniform} random variables whose batch shape {@code [?]} is dynamic; in log space ({@code
 * Gamma(a) = Gamma(a + 1) U^(1/a)}), because {@code alpha ~ Gamma(1, 1)} is often so small that
 * direct draws all underflow to 0 (Edward's script then prints NaN).
 */
public final class PpDynamicShapeExample {

  /** The figures: mean length, and the largest distance of a draw's sum from 1. */
  record Result(double meanLength, double worstSumError) {}

  private PpDynamicShapeExample() {}

  /** {@code 1 + exp(-1/2) / (1 - exp(-1/2))}. */
  static double expectedLength() {
    double q = Math.exp(-0.5);
    return 1 + q / (1 - q);
  }

  static Result run(long seed, int repeats, Path out, PrintStream print) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("pp");
      Ops tf = ctx.tf();
      Gamma alpha = Gamma.of(scope, 1.0, 1.0);
      Operand<TInt32> n = tf.math.add(tf.constant(1), tf.dtypes.cast(Exponential.of(scope, 0.5), TInt32.class));
      Operand<TFloat32> ones = tf.fill(tf.reshape(n, tf.constant(new int[] {1})), tf.constant(1f));
      // Dirichlet(a) is the normalized vector of independent Gamma(a_i, 1) draws; edward4j's
      // Dirichlet class needs its size K when the graph is built (mode, entropy and KL use it).
      // alpha ~ Gamma(1, 1) is often tiny, where Gamma(alpha) draws underflow to 0 and 0 / 0 gave
      // NaN: draw in log space, log G = log Gamma(alpha + 1) + log(U) / alpha, and normalize by softmax.
      Operand<TFloat32> a = tf.math.mul(ones, alpha);
      Gamma g1 = Gamma.of(scope, tf.math.add(a, tf.constant(1f)), tf.constant(1f));
      Uniform u = Uniform.of(scope, tf.zerosLike(a), tf.onesLike(a));
      Operand<TFloat32> logU = tf.math.log(tf.math.maximum(u, tf.constant(Float.MIN_NORMAL)));
      Operand<TFloat32> logG = tf.math.add(tf.math.log(g1), tf.math.div(logU, a));
      Operand<TFloat32> p = tf.nn.softmax(logG);
      print.println(Arrays.toString(ctx.eval(p).data()));
      print.println(Arrays.toString(ctx.eval(p).data()));
      double total = 0;
      double worst = 0;
      for (int r = 0; r < repeats; r++) {
        float[] v = ctx.eval(p).data();
        total += v.length;
        double sum = 0;
        for (float x : v) {
          sum += x;
        }
        worst = Math.max(worst, Math.abs(sum - 1));
      }
      Result result = new Result(total / repeats, worst);
      QualityReport.builder("pp-dynamic-shape").setting("seed", seed).setting("repeats", repeats)
          .metric("mean_length", result.meanLength(), String.format("theory %.3f", expectedLength()))
          .metric("worst_simplex_error", result.worstSumError(), "largest |sum(p) - 1| over the draws")
          .build().writeJson(out.resolve("pp-dynamic-shape.json"));
      print.printf("mean length %.3f over %d draws (theory %.3f)%n", result.meanLength(), repeats, expectedLength());
      return result;
    }
  }
}
