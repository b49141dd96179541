package org.edward4j.examples.pp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.edward4j.core.ModelContext;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.plots.Histogram;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/pp_stochastic_control_flow.py}: a geometric draw from a while loop whose
 * condition is a Bernoulli flip, {@code while_loop(cond=lambda i: 1 - Bernoulli(p), body=i + 1)},
 * evaluated 1,000 times into a histogram.
 *
 * <p>Figure: the mean of the draws against {@code (1 - p) / p} (9 for {@code p = 0.1}). Differs from
 * Edward in what flips the coin: TensorFlow Java 1.1.0 builds a loop's condition in its own graph,
 * where an Edward random variable of the model graph cannot be drawn, so the flip is a stateless
 * uniform draw keyed by the iteration ({@code StochasticWhile}). The loop itself is TensorFlow's
 * while loop, as in Edward; {@code copy} refuses it (it draws inside), naming the loop.
 */
public final class PpStochasticControlFlowExample {

  /** The figures: the mean draw and its standard error. */
  record Result(double mean, double standardError) {}

  private PpStochasticControlFlowExample() {}

  static Result run(long seed, double p, int draws, Path out, PrintStream print) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      Operand<TInt32> geom = StochasticWhile.tailsBeforeHeads(ctx, "pp/geometric", (t, s) -> t.constant((float) p));
      double[] samples = new double[draws];
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < draws; i++) {
        samples[i] = ctx.eval(geom).ints()[0];
        sum += samples[i];
        sumSq += samples[i] * samples[i];
      }
      double mean = sum / draws;
      double se = Math.sqrt((sumSq / draws - mean * mean) / draws);
      Histogram.builder(samples).bins(30).title("Geometric(" + p + ")").build().writePng(out.resolve("geometric.png"));
      QualityReport.builder("pp-stochastic-control-flow").setting("seed", seed).setting("p", p).setting("draws", draws)
          .metric("mean", mean, String.format("theory (1 - p) / p = %.3f; standard error %.3f", (1 - p) / p, se))
          .build().writeJson(out.resolve("pp-stochastic-control-flow.json"));
      print.printf("mean of %d draws %.3f +- %.3f (theory %.3f)%n", draws, mean, se, (1 - p) / p);
      return new Result(mean, se);
    }
  }
}
