package org.edward4j.examples.pp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.models.DirichletProcess;
import org.edward4j.models.Exponential;
import org.edward4j.models.Normal;
import org.edward4j.plots.Histogram;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/pp_dirichlet_process.py}: a stochastic while loop that breaks sticks
 * until a coin lands heads, then the {@link DirichletProcess} random variable: histograms of 1,000
 * draws for a concentrated ({@code alpha = 1}) and a spread-out ({@code alpha = 50}) process,
 * atoms persisting across two calls to {@code sample()}, a normal observed at the process's draw,
 * and a batch of processes over a matrix base.
 *
 * <p>Figures, each against the theory the script illustrates: the mean number of sticks broken
 * ({@code alpha} for the loop, whose flips land heads with probability {@code E[Beta(1, alpha)] = 1
 * / (1 + alpha)}), and the mean number of distinct atoms among 1,000 draws ({@code sum_i alpha /
 * (alpha + i)}, the Chinese restaurant process's). Edward's script shows one evaluation of each;
 * this port averages {@code repeats} evaluations so the figures can be compared with theory.
 *
 * <p>Differs from Edward: the loop's sticks and flips are stateless uniform draws inside the loop
 * graph, not Edward random variables (TensorFlow Java builds loop bodies in a separate graph; see
 * {@code StochasticWhile}); the {@code DirichletProcess} variable draws a truncation of sticks whose
 * leftover mass is below {@code 1e-12} instead of breaking them in a loop.
 */
public final class PpDirichletProcessExample {

  /** The script's headline figures. */
  record Result(double meanSticks, double distinctAlpha1, double distinctAlpha50, double persistedFraction) {}

  private PpDirichletProcessExample() {}

  /**
   * Runs the script.
   *
   * @param seed the graph seed
   * @param draws draws per histogram (Edward: 1000)
   * @param repeats evaluations averaged per figure
   * @param out directory for the pictures and the report
   * @param print where the script's prints go
   * @return the figures
   * @throws IOException when a picture or the report cannot be written
   */
  static Result run(long seed, int draws, int repeats, Path out, PrintStream print) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("pp");
      double alphaLoop = 10.0;
      Operand<TInt32> sticks = StochasticWhile.tailsBeforeHeads(ctx, "pp/dirichlet_process",
          (t, s) -> StochasticWhile.betaOneAlpha(t, s, alphaLoop));
      // the number of sticks broken is dynamic, changing across evaluations
      print.println(ctx.eval(sticks).ints()[0]);
      print.println(ctx.eval(sticks).ints()[0]);
      double totalSticks = 0;
      for (int r = 0; r < repeats; r++) {
        totalSticks += ctx.eval(sticks).ints()[0];
      }

      Normal base = Normal.of(scope, 0.0, 1.0);
      double distinct1 = histogramAndAtoms(ctx, DirichletProcess.of(scope, 1.0, base), 1.0, draws, repeats,
          out.resolve("dp-alpha-1.png"));
      double distinct50 = histogramAndAtoms(ctx, DirichletProcess.of(scope, 50.0, base), 50.0, draws, repeats,
          out.resolve("dp-alpha-50.png"));

      // states persist across calls to sample() in a DP
      DirichletProcess dp = DirichletProcess.of(scope, 1.0, base);
      Operand<TFloat32> x = dp.sample(50);
      Operand<TFloat32> y = dp.sample(75);
      List<TensorValue> xy = ctx.evalAll(List.of(x, y), java.util.Map.of());
      Set<Float> atomsX = atoms(xy.get(0).data());
      int persisted = 0;
      for (float v : xy.get(1).data()) {
        persisted += atomsX.contains(v) ? 1 : 0;
      }
      double persistedFraction = persisted / 75.0;
      print.printf("DP(1, N(0, 1)) across two calls to sample(): %d atoms in 50 draws, %d in 75; "
          + "%d of the 75 reuse an atom of the first call%n", atomsX.size(), atoms(xy.get(1).data()).size(), persisted);
      Histogram.builder(xy.get(0).data()).bins(100).title("DP(1, N(0, 1)): sample(50)").build()
          .writePng(out.resolve("dp-persistent-x.png"));
      Histogram.builder(xy.get(1).data()).bins(100).title("DP(1, N(0, 1)): sample(75), same atoms").build()
          .writePng(out.resolve("dp-persistent-y.png"));

      // theta is observed at the DP's draw: fetching theta is fetching the DP
      DirichletProcess dp2 = DirichletProcess.of(scope, 1.0, base);
      Normal theta = Normal.builder(scope).loc(0.0).scale(1.0).value(dp2.value()).build();
      for (int i = 0; i < 2; i++) {
        List<TensorValue> v = ctx.evalAll(List.of(dp2, theta), java.util.Map.of());
        print.printf("[%s, %s]%n", v.get(0).scalar(), v.get(1).scalar());
      }

      // non-scalar concentrations and bases
      DirichletProcess batch = DirichletProcess.of(scope, ctx.tf().constant(new float[] {0.1f, 0.6f, 0.4f}),
          Exponential.of(scope, ctx.tf().ones(ctx.tf().constant(Shape.of(5, 2).asArray()), TFloat32.class)));
      print.println(batch);

      Result result = new Result(totalSticks / repeats, distinct1, distinct50, persistedFraction);
      report(result, seed, draws, repeats, alphaLoop).writeJson(out.resolve("pp-dirichlet-process.json"));
      print.printf("mean sticks broken %.2f (theory %.1f); distinct atoms in %d draws: alpha 1 %.2f (theory %.2f), "
              + "alpha 50 %.2f (theory %.2f)%n", result.meanSticks(), alphaLoop, draws, distinct1,
          expectedAtoms(1.0, draws), distinct50, expectedAtoms(50.0, draws));
      return result;
    }
  }

  /** {@code sum_{i < n} alpha / (alpha + i)}: the expected number of tables after {@code n} customers. */
  static double expectedAtoms(double alpha, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += alpha / (alpha + i);
    }
    return sum;
  }

  /** Writes the histogram of one evaluation and returns the mean number of atoms over {@code repeats}. */
  private static double histogramAndAtoms(ModelContext ctx, DirichletProcess dp, double alpha, int draws, int repeats,
      Path png) throws IOException {
    Operand<TFloat32> x = dp.sample(draws);
    Histogram.builder(ctx.eval(x).data()).bins(100).title("DP(" + alpha + ", N(0, 1))").build().writePng(png);
    double total = 0;
    for (int r = 0; r < repeats; r++) {
      total += atoms(ctx.eval(x).data()).size();
    }
    return total / repeats;
  }

  private static Set<Float> atoms(float[] values) {
    Set<Float> s = new HashSet<>();
    for (float v : values) {
      s.add(v);
    }
    return s;
  }

  private static QualityReport report(Result r, long seed, int draws, int repeats, double alphaLoop) {
    return QualityReport.builder("pp-dirichlet-process")
        .setting("seed", seed).setting("draws", draws).setting("repeats", repeats)
        .metric("sticks_broken_mean", r.meanSticks(), "stochastic while loop, alpha " + alphaLoop + "; theory " + alphaLoop)
        .metric("distinct_atoms_alpha_1", r.distinctAlpha1(),
            String.format("mean over %d runs; theory %.3f", repeats, expectedAtoms(1.0, draws)))
        .metric("distinct_atoms_alpha_50", r.distinctAlpha50(),
            String.format("mean over %d runs; theory %.3f", repeats, expectedAtoms(50.0, draws)))
        .metric("persisted_fraction", r.persistedFraction(), "share of sample(75) draws on an atom of sample(50)")
        .build();
  }
}
