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
import org.edward4j.inferences.montecarlo.SGLD;
import org.edward4j.inferences.montecarlo.SgldOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.MultivariateNormalTriL;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/normal_sgld.py}: stochastic gradient Langevin dynamics (Welling and Teh,
 * 2011) on the correlated Gaussian of {@link NormalExample}, {@code T = 2000} draws with Edward's
 * {@code step_size = 5.0}, i.e. steps {@code eps_t = 5 / (t + 1)^0.55}.
 *
 * <p>It prints Edward's figures, the mean and standard deviation over all draws, and beside them the
 * same after {@code --burn-in} draws. The two differ for a reason worth seeing: the target's
 * narrowest direction has precision {@code 1 / 0.2 = 5}, and a Langevin step is stable only while
 * {@code eps_t * 5 / 2 < 2}, i.e. {@code eps_t < 0.8}; with {@code stepSize = 5} the first 27
 * steps are unstable, each multiplying the deviation along {@code [1, -1]} by up to 11.5 with
 * alternating sign, so the first draws reach magnitudes of about 1e8 before the steps shrink and
 * the chain contracts back. Over all draws the standard deviation is then astronomically large
 * while the mean stays near 1 (the alternating excursions cancel); after the burn-in both are close
 * to the target. SGLD has no accept test, so nothing stops the excursion.
 *
 * <p>{@code bin/edward normal-sgld [--samples T] [--step-size e] [--burn-in n] [--out DIR] [--seed S]}
 */
public final class NormalSgldExample {

  private NormalSgldExample() {}

  /**
   * What a run found.
   *
   * @param all every draw, as Edward's script summarizes them
   * @param kept the draws after the burn-in
   * @param report the JSON report written
   */
  record Result(ChainDraws all, ChainDraws kept, Path report) {}

  static Result run(NormalSgldCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      MultivariateNormalTriL z = NormalExample.model(ctx);
      VariableScope q = ctx.scope("qz");
      Variable<TFloat32> params = q.getVariable("params", Shape.of(args.samples, 2), Initializers.zeros());
      Empirical qz = Empirical.of(q, params);

      SGLD inference = new SGLD(Map.of(z, qz), Map.of());
      inference.run(SgldOptions.builder().stepSize(args.stepSize).nPrint(Math.max(1, args.samples / 10)).build());

      ChainDraws all = ChainDraws.fetch(ctx, "z", params);
      ChainDraws kept = all.dropFirst(args.burnIn);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("Inferred posterior mean:");
      System.out.println(ChainDraws.format(all.means()));
      System.out.println("Inferred posterior stddev:");
      System.out.println(ChainDraws.format(all.sds()));
      System.out.printf("after dropping the first %d draws: mean %s, stddev %s (true [1, 1] and [1, 1]); "
          + "Monte Carlo standard errors of the mean %s; %.1f s%n", args.burnIn, ChainDraws.format(kept.means()),
          ChainDraws.format(kept.sds()), ChainDraws.format(kept.mcseMean(0), kept.mcseMean(1)), seconds);

      for (int j = 0; j < 2; j++) {
        DiagnosticPlots.trace(out.resolve("trace_z" + j + ".png"), "z[" + j + "] after burn-in",
            new double[][] {kept.coordinate(j)}, 800, 400);
      }
      Path report = QualityReport.builder("normal-sgld")
          .setting("command", "bin/edward normal-sgld --samples " + args.samples + " --step-size " + args.stepSize
              + " --burn-in " + args.burnIn)
          .setting("seed", args.output.seed())
          .setting("samples", args.samples)
          .setting("step_size", args.stepSize)
          .setting("burn_in", args.burnIn)
          .setting("train_seconds", seconds)
          .metric("mean_z0_all", all.mean(0), "Edward's figure: every draw; true 1")
          .metric("stddev_z0_all", all.sd(0), "Edward's figure: every draw; true 1 (the unstable first steps dominate)")
          .metric("mean_z0", kept.mean(0), "after the burn-in; true 1")
          .metric("mean_z0_std", kept.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("stddev_z0", kept.sd(0), "after the burn-in; true 1")
          .metric("stddev_z0_std", kept.mcseSd(0), "Monte Carlo standard error")
          .build().writeJson(out.resolve("normal-sgld.json"));
      System.out.println("pictures and report in " + out.toAbsolutePath());
      return new Result(all, kept, report);
    }
  }
}
