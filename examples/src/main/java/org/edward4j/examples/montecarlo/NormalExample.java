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
import org.edward4j.models.MultivariateNormalTriL;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/normal.py}: Hamiltonian Monte Carlo on a correlated two-dimensional
 * Gaussian, {@code z ~ N([1, 1], [[1, 0.8], [0.8, 1]])} (a {@code MultivariateNormalTriL} with the
 * covariance's Cholesky factor), with no data: the "posterior" is the prior, so the draws must have
 * mean {@code [1, 1]} and standard deviation {@code [1, 1]}.
 *
 * <p>As Edward: an {@code Empirical} of {@code T = 1000} draws, HMC's defaults (step size 0.25, two
 * leapfrog steps), all draws kept (no burn-in). The chain starts at 0 (Edward's {@code
 * get_variable} starts it at a Glorot-uniform draw). It prints the posterior mean and standard
 * deviation as Edward's script does, then their Monte Carlo standard errors from the effective
 * sample size, and writes the draws over the density's 1-, 2- and 3-sigma contours ({@code
 * draws.png}, Edward's scatter over {@code mvn_plot_contours}) and trace plots.
 *
 * <p>{@code bin/edward normal [--samples T] [--step-size e] [--leapfrog-steps L] [--out DIR] [--seed S]}
 */
public final class NormalExample {

  /** The target's mean and covariance, as Edward's script writes them. */
  static final float[] LOC = {1f, 1f};
  static final double CORRELATION = 0.8;

  private NormalExample() {}

  /**
   * What a run found.
   *
   * @param draws the chain
   * @param report the JSON report written
   */
  record Result(ChainDraws draws, Path report) {}

  /**
   * Edward's model: {@code z ~ MultivariateNormalTriL(loc = ones(2), scale_tril = cholesky([[1, 0.8],
   * [0.8, 1]]))}.
   *
   * @param ctx the context
   * @return {@code z}
   */
  static MultivariateNormalTriL model(ModelContext ctx) {
    VariableScope scope = ctx.scope("model");
    double c = CORRELATION;
    float[][] choleskyFactor = {{1f, 0f}, {(float) c, (float) Math.sqrt(1 - c * c)}};
    return MultivariateNormalTriL.builder(scope).loc(LOC).scaleTril(choleskyFactor).name("z").build();
  }

  static Result run(NormalCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      MultivariateNormalTriL z = model(ctx);
      VariableScope q = ctx.scope("qz");
      Variable<TFloat32> params = q.getVariable("params", Shape.of(args.samples, 2), Initializers.zeros());
      Empirical qz = Empirical.of(q, params);

      HMC inference = new HMC(Map.of(z, qz), Map.of());
      inference.run(HmcOptions.builder().stepSize(args.stepSize).nSteps(args.leapfrogSteps)
          .nPrint(Math.max(1, args.samples / 10)).build());

      ChainDraws draws = ChainDraws.fetch(ctx, "z", params);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("Inferred posterior mean:");
      System.out.println(ChainDraws.format(draws.means()));
      System.out.println("Inferred posterior stddev:");
      System.out.println(ChainDraws.format(draws.sds()));
      System.out.printf("Monte Carlo standard errors: mean %s, stddev %s (ESS %s); acceptance rate %.3f; %.1f s%n",
          ChainDraws.format(draws.mcseMean(0), draws.mcseMean(1)), ChainDraws.format(draws.mcseSd(0), draws.mcseSd(1)),
          ChainDraws.format(draws.ess(0), draws.ess(1)), draws.moveRate(), seconds);

      writePictures(draws, out);
      Path report = QualityReport.builder("normal")
          .setting("command", "bin/edward normal --samples " + args.samples)
          .setting("seed", args.output.seed())
          .setting("samples", args.samples)
          .setting("step_size", args.stepSize)
          .setting("leapfrog_steps", args.leapfrogSteps)
          .setting("train_seconds", seconds)
          .metric("mean_z0", draws.mean(0), "true 1; Monte Carlo error " + draws.mcseMean(0))
          .metric("mean_z0_std", draws.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("mean_z1", draws.mean(1), "true 1")
          .metric("stddev_z0", draws.sd(0), "true 1; Monte Carlo error " + draws.mcseSd(0))
          .metric("stddev_z0_std", draws.mcseSd(0), "Monte Carlo standard error")
          .metric("stddev_z1", draws.sd(1), "true 1")
          .metric("ess_z0", draws.ess(0), "effective sample size of z[0]")
          .metric("accept_rate", draws.moveRate(), "fraction of transitions that moved")
          .build().writeJson(out.resolve("normal.json"));
      System.out.println("pictures and report in " + out.toAbsolutePath());
      return new Result(draws, report);
    }
  }

  /** The draws over the target's contours, and a trace plot per coordinate. */
  static void writePictures(ChainDraws draws, Path out) throws IOException {
    ScatterPlot.Builder plot = ScatterPlot.builder().title("Draws of z over the 1, 2, 3 sigma contours")
        .xLabel("z[0]").yLabel("z[1]").pointRadius(2)
        .series("draws", draws.coordinate(0), draws.coordinate(1));
    double c = CORRELATION;
    for (int k = 1; k <= 3; k++) {
      int n = 200;
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double a = 2 * Math.PI * i / n;
        // z = loc + k L u with u on the unit circle: the density's contour at Mahalanobis distance k.
        x[i] = LOC[0] + k * Math.cos(a);
        y[i] = LOC[1] + k * (c * Math.cos(a) + Math.sqrt(1 - c * c) * Math.sin(a));
      }
      plot.series(k + " sigma", x, y);
    }
    plot.build().writePng(out.resolve("draws.png"));
    for (int j = 0; j < draws.width(); j++) {
      DiagnosticPlots.trace(out.resolve("trace_z" + j + ".png"), "z[" + j + "]", new double[][] {draws.coordinate(j)}, 800, 400);
    }
  }
}
