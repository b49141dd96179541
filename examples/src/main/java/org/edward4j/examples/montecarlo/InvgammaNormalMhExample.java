package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.diagnostics.DiagnosticPlots;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.montecarlo.MetropolisHastings;
import org.edward4j.models.Empirical;
import org.edward4j.models.InverseGamma;
import org.edward4j.models.Normal;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/invgamma_normal_mh.py}: the variance of Normal data with known mean,
 * {@code sigma^2 ~ InverseGamma(0.5, 0.7)}, {@code x_i ~ N(7, sigma)} for {@code N = 1000} draws
 * of {@code N(7, 0.7)}, inferred by Metropolis-Hastings with the independent proposal {@code
 * InverseGamma(2, 2)}; it prints the inferred scale {@code sqrt(E[sigma^2])}, which should be near
 * the true 0.7.
 *
 * <p>The model is conjugate, so the exact posterior is known and printed beside the estimate:
 * {@code InverseGamma(0.5 + N / 2, 0.7 + sum (x_i - 7)^2 / 2)}. The proposal is far wider than
 * this posterior (its standard deviation is about {@code 0.49 / sqrt(500) = 0.022}), so few
 * proposals are accepted, and the chain's effective sample size is small: the Monte Carlo
 * standard error says how small.
 *
 * <p>As Edward: {@code T = 1000} draws starting at 0.5, all kept. Edward's data come from an
 * unseeded numpy generator; here from {@code java.util.Random} seeded with {@code --seed}.
 *
 * <p>{@code bin/edward invgamma-normal-mh [--n N] [--loc m] [--scale s] [--samples T] [--out DIR] [--seed S]}
 */
public final class InvgammaNormalMhExample {

  /** Edward's prior {@code InverseGamma(alpha, beta)}. */
  static final double ALPHA = 0.5;
  static final double BETA = 0.7;

  private InvgammaNormalMhExample() {}

  /**
   * What a run found.
   *
   * @param draws the chain of {@code sigma^2}
   * @param exactMean the exact posterior mean of {@code sigma^2}
   * @param report the JSON report written
   */
  record Result(ChainDraws draws, double exactMean, Path report) {
    /** The printed figure, {@code sqrt(E[sigma^2])} from the draws. */
    double inferredScale() {
      return Math.sqrt(draws.mean(0));
    }
  }

  static Result run(InvgammaNormalMhCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    float[] xData = new float[args.n];
    Random random = new Random(args.output.seed());
    double sumSquares = 0;
    for (int i = 0; i < args.n; i++) {
      xData[i] = (float) (args.loc + args.scale * random.nextGaussian());
      sumSquares += (xData[i] - args.loc) * (xData[i] - args.loc);
    }
    System.out.println("scale: " + args.scale);
    double posteriorShape = ALPHA + args.n / 2.0;
    double posteriorRate = BETA + sumSquares / 2;
    double exactMean = posteriorRate / (posteriorShape - 1);
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      InverseGamma ig = InverseGamma.builder(model).concentration(ALPHA).rate(BETA).name("ig").build();
      Normal xn = Normal.builder(model).loc(args.loc).scale(tf.math.sqrt(ig)).sampleShape(args.n).name("xn").build();

      VariableScope q = ctx.scope("qig");
      Variable<TFloat32> params = q.getVariable("params", Shape.of(args.samples), Initializers.constant(0.5));
      Empirical qig = Empirical.of(q, params);
      InverseGamma proposalIg = InverseGamma.builder(ctx.scope("proposal")).concentration(2.0).rate(2.0)
          .name("proposal_ig").build();

      MetropolisHastings inference = new MetropolisHastings(Map.of(ig, qig), Map.of(ig, proposalIg),
          Map.of(xn, ctx.tf().constant(xData)));
      inference.run();

      ChainDraws draws = ChainDraws.fetch(ctx, "sigma^2", params);
      double seconds = (System.nanoTime() - start) / 1e9;
      Result result = new Result(draws, exactMean, null);
      System.out.println("Inferred scale: " + (float) result.inferredScale());
      // Delta method: se(sqrt(m)) = se(m) / (2 sqrt(m)).
      double mcseScale = draws.mcseMean(0) / (2 * result.inferredScale());
      System.out.printf("exact posterior InverseGamma(%.1f, %.2f): sqrt(E[sigma^2]) = %.4f; Monte Carlo standard "
          + "error %.4f (ESS %.1f); acceptance rate %.3f; %.1f s%n", posteriorShape, posteriorRate, Math.sqrt(exactMean),
          mcseScale, draws.ess(0), draws.moveRate(), seconds);
      DiagnosticPlots.trace(out.resolve("trace.png"), "sigma^2", new double[][] {draws.coordinate(0)}, 800, 400);
      Path report = QualityReport.builder("invgamma-normal-mh")
          .setting("command", "bin/edward invgamma-normal-mh --n " + args.n + " --samples " + args.samples)
          .setting("seed", args.output.seed())
          .setting("n", args.n)
          .setting("samples", args.samples)
          .setting("train_seconds", seconds)
          .metric("inferred_scale", result.inferredScale(), "true 0.7; exact posterior " + Math.sqrt(exactMean))
          .metric("inferred_scale_std", mcseScale, "Monte Carlo standard error from the ESS")
          .metric("exact_posterior_scale", Math.sqrt(exactMean), "sqrt of the conjugate posterior's mean")
          .metric("accept_rate", draws.moveRate(), "fraction of transitions that moved")
          .build().writeJson(out.resolve("invgamma-normal-mh.json"));
      return new Result(draws, exactMean, report);
    }
  }
}
