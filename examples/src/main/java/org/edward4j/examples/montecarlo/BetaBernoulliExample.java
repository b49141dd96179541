package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.criticisms.Discrepancy;
import org.edward4j.criticisms.PosteriorPredictiveCheck;
import org.edward4j.criticisms.PpcResult;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.montecarlo.MetropolisHastings;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Empirical;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/beta_bernoulli.py}, "inspired by Stan's toy example": a coin's bias
 * {@code p ~ Beta(1, 1)}, ten flips {@code x_i ~ Bernoulli(p)} observed as {@code [0, 1, 0, 0, 0, 0,
 * 0, 0, 0, 1]}, inferred by Metropolis-Hastings with the independent proposal {@code Beta(3, 9)}.
 * The exact posterior is {@code Beta(1 + 2, 1 + 8) = Beta(3, 9)}: mean 0.25, standard deviation
 * {@code sqrt(27 / (144 * 13)) = 0.120}, as the script's comment says. Since the proposal is the
 * posterior itself, every proposal is accepted (the acceptance ratio is exactly 1), and the draws
 * are independent.
 *
 * <p>As Edward: {@code T = 1000} draws starting at 0.5. It prints the posterior mean and standard
 * deviation, then runs Edward's posterior predictive check {@code ed.ppc} with the statistic
 * {@code T = mean(x)} over replicated flips {@code x_post = copy(x, {p: qp})} and writes its
 * histogram ({@code ppc.png}, Edward's {@code ppc_stat_hist_plot}), with the tail probability
 * {@code P(T(x_rep) >= T(x))}.
 *
 * <p>{@code bin/edward beta-bernoulli [--samples T] [--ppc-samples S] [--out DIR] [--seed S]}
 */
public final class BetaBernoulliExample {

  /** Edward's ten flips. */
  static final int[] FLIPS = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};

  private BetaBernoulliExample() {}

  /**
   * What a run found.
   *
   * @param draws the chain of {@code p}
   * @param ppc the posterior predictive check
   * @param report the JSON report written
   */
  record Result(ChainDraws draws, PpcResult ppc, Path report) {}

  static Result run(BetaBernoulliCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Beta p = Beta.builder(model).concentration1(1.0).concentration0(1.0).name("p").build();
      Bernoulli<TInt32> x = Bernoulli.builder(model).probs(p).sampleShape(FLIPS.length).name("x").build();

      VariableScope q = ctx.scope("qp");
      Variable<TFloat32> params = q.getVariable("params", Shape.of(args.samples), Initializers.constant(0.5));
      Empirical qp = Empirical.of(q, params);
      Beta proposalP = Beta.builder(ctx.scope("proposal")).concentration1(3.0).concentration0(9.0).name("proposal_p").build();

      MetropolisHastings inference = new MetropolisHastings(Map.of(p, qp), Map.of(p, proposalP),
          Map.of(x, ctx.tf().constant(FLIPS)));
      inference.run();

      ChainDraws draws = ChainDraws.fetch(ctx, "p", params);
      System.out.println("Inferred posterior mean:");
      System.out.printf("%.4f%n", draws.mean(0));
      System.out.println("Inferred posterior stddev:");
      System.out.printf("%.4f%n", draws.sd(0));
      System.out.printf("exact posterior Beta(3, 9): mean 0.25, stddev 0.120; Monte Carlo standard errors: mean %.4f, "
          + "stddev %.4f (ESS %.0f); acceptance rate %.3f%n", draws.mcseMean(0), draws.mcseSd(0), draws.ess(0),
          draws.moveRate());

      RandomVariable<TInt32> xPost = GraphCopy.copy(x, Map.of(p, qp));
      Ops tf = ctx.scope("ppc_statistic").tf();
      Discrepancy mean = (xs, zs) -> tf.math.mean(tf.dtypes.cast(xs.get(xPost), TFloat32.class), tf.constant(0));
      PpcResult ppc = PosteriorPredictiveCheck.builder(mean, Map.of(xPost, FLIPS)).nSamples(args.ppcSamples).build().run();
      Path plot = ppc.writePlot(out.resolve("ppc.png"), "mean");
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("posterior predictive check, T = mean: T(x) = %.2f, P(T(x_rep) >= T(x)) = %.3f over %d "
          + "replicated data sets; histogram in %s; %.1f s%n", ppc.observedMean(), ppc.tailProbability(),
          ppc.nSamples(), plot.toAbsolutePath(), seconds);

      Path report = QualityReport.builder("beta-bernoulli")
          .setting("command", "bin/edward beta-bernoulli --samples " + args.samples + " --ppc-samples " + args.ppcSamples)
          .setting("seed", args.output.seed())
          .setting("samples", args.samples)
          .setting("ppc_samples", args.ppcSamples)
          .setting("train_seconds", seconds)
          .metric("mean_p", draws.mean(0), "exact 0.25")
          .metric("mean_p_std", draws.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("stddev_p", draws.sd(0), "exact 0.120")
          .metric("stddev_p_std", draws.mcseSd(0), "Monte Carlo standard error")
          .metric("accept_rate", draws.moveRate(), "the proposal is the posterior: 1")
          .metric("ppc_tail_probability", ppc.tailProbability(), "P(mean(x_rep) >= mean(x)); exact 0.669 (beta-binomial)")
          .build().writeJson(out.resolve("beta-bernoulli.json"));
      return new Result(draws, ppc, report);
    }
  }
}
