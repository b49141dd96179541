package org.edward4j.examples.pp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.models.Bernoulli;
import org.edward4j.plots.Histogram;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.AssertThat;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/pp_stochastic_recursion.py}: {@code geometric(p) = 0 if Bernoulli(p) else
 * geometric(p) + 1}, with {@code p = 0.9}. Edward's script cannot run: {@code tf.cond} builds both
 * branches before the condition is known, so the recursion unrolls without end (its own comment
 * says so). TensorFlow Java 1.1.0 builds graphs eagerly too and has no lazy recursion.
 *
 * <p>This port keeps the recursion as Java recursion over graph building, bounded: {@code depth}
 * levels, each a {@link Bernoulli} flip and a select (both branches built, as TensorFlow does),
 * with {@code depth} the smallest for which falling through every level, probability {@code (1 -
 * p)^depth}, is below {@code 1e-12}; falling through fails the run with an error rather than
 * returning a wrong value. The draws are then exactly geometric. Figure: the mean of 1,000 draws
 * against {@code (1 - p) / p}.
 */
public final class PpStochasticRecursionExample {

  /** The figures: mean, its standard error, and the depth unrolled. */
  record Result(double mean, double standardError, int depth) {}

  private PpStochasticRecursionExample() {}

  /** The smallest depth with {@code (1 - p)^depth <= 1e-12}. */
  static int depthFor(double p) {
    return (int) Math.max(1, Math.ceil(Math.log(1e-12) / Math.log1p(-p)));
  }

  /** {@code 0} if this level's flip is heads, else one more than the next level. */
  private static Operand<TInt32> geometric(VariableScope scope, Ops tf, double p, int levelsLeft, List<Operand<TBool>> heads) {
    Operand<TBool> flip = tf.dtypes.cast(Bernoulli.ofProbs(scope, p), TBool.class);
    heads.add(flip);
    if (levelsLeft == 1) {
      return tf.constant(0);
    }
    Operand<TInt32> deeper = tf.math.add(geometric(scope, tf, p, levelsLeft - 1, heads), tf.constant(1));
    return tf.select(flip, tf.constant(0), deeper);
  }

  static Result run(long seed, double p, int draws, Path out, PrintStream print) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("pp");
      Ops tf = ctx.tf();
      int depth = depthFor(p);
      List<Operand<TBool>> heads = new java.util.ArrayList<>();
      Operand<TInt32> geom = geometric(scope, tf, p, depth, heads);
      Operand<TBool> landed = heads.get(0);
      for (Operand<TBool> h : heads) {
        landed = tf.math.logicalOr(landed, h);
      }
      AssertThat ok = tf.assertThat(landed, List.of(tf.constant(
          "stochastic recursion fell through all " + depth + " unrolled levels (probability below 1e-12)")));
      geom = tf.withControlDependencies(List.of(ok)).identity(geom);
      double[] samples = new double[draws];
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < draws; i++) {
        samples[i] = ctx.eval(geom).ints()[0];
        sum += samples[i];
        sumSq += samples[i] * samples[i];
      }
      double mean = sum / draws;
      double se = Math.sqrt(Math.max(0, sumSq / draws - mean * mean) / draws);
      Histogram.builder(samples).bins(10).title("Geometric(" + p + ") by recursion").build()
          .writePng(out.resolve("geometric-recursion.png"));
      QualityReport.builder("pp-stochastic-recursion").setting("seed", seed).setting("p", p).setting("draws", draws)
          .setting("depth", depth)
          .metric("mean", mean, String.format("theory (1 - p) / p = %.4f; standard error %.4f", (1 - p) / p, se))
          .build().writeJson(out.resolve("pp-stochastic-recursion.json"));
      print.printf("recursion unrolled %d levels; mean of %d draws %.4f +- %.4f (theory %.4f)%n", depth, draws, mean, se,
          (1 - p) / p);
      return new Result(mean, se, depth);
    }
  }
}
