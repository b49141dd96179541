package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.diagnostics.DiagnosticPlots;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.plots.Histogram;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/normal_normal.py}: the Normal-Normal model with known variance, {@code mu
 * ~ N(0, 1)}, {@code x_i | mu ~ N(mu, 1)} for 50 observations all equal to 0, by Hamiltonian Monte
 * Carlo. The posterior is {@code N(sum x / 51, 1 / 51)}: mean 0 and standard deviation {@code
 * sqrt(1/51) = 0.140}, as the script's comment says.
 *
 * <p>As Edward: {@code T = 1000} draws starting at 0, HMC's defaults (step size 0.25, two leapfrog
 * steps), every draw kept. It prints the posterior mean and standard deviation, then their Monte
 * Carlo standard errors, and writes the histogram and the trace plot Edward's script shows ({@code
 * histogram.png}, {@code trace.png}).
 *
 * <p>{@code bin/edward normal-normal [--samples T] [--step-size e] [--leapfrog-steps L] [--out DIR] [--seed S]}
 */
public final class NormalNormalExample {

  /** Edward's number of observations. */
  static final int N = 50;

  private NormalNormalExample() {}

  /**
   * What a run found.
   *
   * @param draws the chain of {@code mu}
   * @param report the JSON report written
   */
  record Result(ChainDraws draws, Path report) {}

  static Result run(NormalNormalCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.builder(model).loc(0.0).scale(1.0).name("mu").build();
      Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(N).name("x").build();
      float[] xData = new float[N];

      VariableScope q = ctx.scope("qmu");
      Variable<TFloat32> params = q.getVariable("params", Shape.of(args.samples), Initializers.zeros());
      Empirical qmu = Empirical.of(q, params);

      HMC inference = new HMC(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(xData)));
      inference.run(HmcOptions.builder().stepSize(args.stepSize).nSteps(args.leapfrogSteps)
          .nPrint(Math.max(1, args.samples / 10)).build());

      ChainDraws draws = ChainDraws.fetch(ctx, "mu", params);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("Inferred posterior mean:");
      System.out.printf("%.4f%n", draws.mean(0));
      System.out.println("Inferred posterior stddev:");
      System.out.printf("%.4f%n", draws.sd(0));
      System.out.printf("analytic posterior: N(0, sqrt(1/51) = %.4f); Monte Carlo standard errors: mean %.4f, "
          + "stddev %.4f (ESS %.0f); acceptance rate %.3f; %.1f s%n", Math.sqrt(1.0 / (N + 1)), draws.mcseMean(0),
          draws.mcseSd(0), draws.ess(0), draws.moveRate(), seconds);

      double[] chain = draws.coordinate(0);
      Histogram.builder(chain).bins(30).title("Draws of mu (analytic posterior N(0, 0.140))").xLabel("mu").build()
          .writePng(out.resolve("histogram.png"));
      DiagnosticPlots.trace(out.resolve("trace.png"), "mu", new double[][] {chain}, 800, 400);
      Path report = QualityReport.builder("normal-normal")
          .setting("command", "bin/edward normal-normal --samples " + args.samples)
          .setting("seed", args.output.seed())
          .setting("samples", args.samples)
          .setting("step_size", args.stepSize)
          .setting("leapfrog_steps", args.leapfrogSteps)
          .setting("train_seconds", seconds)
          .metric("mean_mu", draws.mean(0), "analytic 0")
          .metric("mean_mu_std", draws.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("stddev_mu", draws.sd(0), "analytic sqrt(1/51) = 0.140")
          .metric("stddev_mu_std", draws.mcseSd(0), "Monte Carlo standard error")
          .metric("ess_mu", draws.ess(0), "effective sample size")
          .metric("accept_rate", draws.moveRate(), "fraction of transitions that moved")
          .build().writeJson(out.resolve("normal-normal.json"));
      System.out.println("pictures and report in " + out.toAbsolutePath());
      return new Result(draws, report);
    }
  }
}
