package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/rasch_model.py}: the Rasch model (Rasch, 1960) of item response, by
 * Hamiltonian Monte Carlo. Each of {@code nsubj = 200} subjects has a trait {@code ~ N(0, 1)} and
 * each of {@code nitem = 25} items a threshold {@code ~ N(0, 1)}; subject {@code i} answers item
 * {@code j} correctly with probability {@code sigmoid(trait_i - thresh_j)}. Data are drawn from
 * the model itself.
 *
 * <p>As Edward: {@code T = 5000} draws from 0, HMC with step size 0.1 and two leapfrog steps, all
 * draws kept. It writes the inferred posterior mean of each trait against the true trait ({@code
 * traits.png}) and prints the mean squared error between them. Since the data come from the prior,
 * that error should be close to the Bayes risk, the mean posterior variance of the traits, which
 * is printed beside it (about 0.2 with 25 items).
 *
 * <p>{@code bin/edward rasch-model [--nsubj N] [--nitem M] [--samples T] [--step-size e] [--out DIR] [--seed S]}
 */
public final class RaschModelExample {

  private RaschModelExample() {}

  /**
   * What a run found.
   *
   * @param traitTrue the true traits
   * @param traits the chain of the traits
   * @param mse the mean squared error between the true traits and the posterior means
   * @param report the JSON report written
   */
  record Result(double[] traitTrue, ChainDraws traits, double mse, Path report) {
    /** The mean over subjects of the traits' posterior variances: the Bayes risk of the posterior mean. */
    double meanPosteriorVariance() {
      double s = 0;
      for (double sd : traits.sds()) {
        s += sd * sd;
      }
      return s / traits.width();
    }
  }

  static Result run(RaschModelCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    int nsubj = args.nsubj;
    int nitem = args.nitem;
    Random random = new Random(args.output.seed());
    double[] traitTrue = new double[nsubj];
    double[] threshTrue = new double[nitem];
    for (int i = 0; i < nsubj; i++) {
      traitTrue[i] = random.nextGaussian();
    }
    for (int j = 0; j < nitem; j++) {
      threshTrue[j] = random.nextGaussian();
    }
    int[][] xData = new int[nsubj][nitem];
    for (int i = 0; i < nsubj; i++) {
      for (int j = 0; j < nitem; j++) {
        xData[i][j] = random.nextDouble() < 1 / (1 + Math.exp(-(traitTrue[i] - threshTrue[j]))) ? 1 : 0;
      }
    }
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal trait = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(nsubj, 1).name("trait").build();
      Normal thresh = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(1, nitem).name("thresh").build();
      Bernoulli<TInt32> x = Bernoulli.builder(model).logits(tf.math.sub(trait, thresh)).name("X").build();

      VariableScope qTraitScope = ctx.scope("q_trait");
      Variable<TFloat32> traitParams = qTraitScope.getVariable("params", Shape.of(args.samples, nsubj, 1), Initializers.zeros());
      VariableScope qThreshScope = ctx.scope("q_thresh");
      Variable<TFloat32> threshParams = qThreshScope.getVariable("params", Shape.of(args.samples, 1, nitem), Initializers.zeros());
      Empirical qTrait = Empirical.of(qTraitScope, traitParams);
      Empirical qThresh = Empirical.of(qThreshScope, threshParams);

      HMC inference = new HMC(Map.of(trait, qTrait, thresh, qThresh), Map.of(x, ctx.tf().constant(xData)));
      inference.run(HmcOptions.builder().stepSize(args.stepSize).nPrint(Math.max(1, args.samples / 10)).build());

      ChainDraws traits = ChainDraws.fetch(ctx, "trait", traitParams);
      double[] inferred = traits.means();
      double mse = 0;
      for (int i = 0; i < nsubj; i++) {
        mse += (traitTrue[i] - inferred[i]) * (traitTrue[i] - inferred[i]) / nsubj;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Result result = new Result(traitTrue, traits, mse, null);
      System.out.println("MSE between true traits and inferred posterior mean:");
      System.out.println((float) mse);
      System.out.printf("Bayes risk (mean posterior variance of the traits): %.4f; prior mean's MSE would be about 1; "
          + "acceptance rate %.3f; %.1f s%n", result.meanPosteriorVariance(), traits.moveRate(), seconds);
      ScatterPlot.builder().title("Inferred posterior mean against the true trait").xLabel("true trait")
          .yLabel("posterior mean").series("subjects", traitTrue, inferred).build().writePng(out.resolve("traits.png"));
      Path report = QualityReport.builder("rasch-model")
          .setting("command", "bin/edward rasch-model --nsubj " + nsubj + " --nitem " + nitem + " --samples " + args.samples)
          .setting("seed", args.output.seed())
          .setting("samples", args.samples)
          .setting("step_size", args.stepSize)
          .setting("train_seconds", seconds)
          .metric("trait_mse", mse, "MSE between true traits and inferred posterior means")
          .metric("bayes_risk", result.meanPosteriorVariance(), "mean posterior variance of the traits")
          .metric("accept_rate", traits.moveRate(), "fraction of transitions that moved")
          .build().writeJson(out.resolve("rasch-model.json"));
      return new Result(traitTrue, traits, mse, report);
    }
  }
}
