package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Categorical;
import org.edward4j.models.Dirichlet;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/dirichlet_categorical.py}: {@code pi ~ Dirichlet(1)}, {@code z_n | pi ~
 * Categorical(pi)} for {@code n = 1..N}, fitted with KLqp and {@code q(pi) =
 * Dirichlet(softplus(lambda))}; prints the true {@code pi} and the inferred {@code E_q[pi]}.
 *
 * <p>The true {@code pi} is drawn from {@code Dirichlet(20, 30, 10, 10)} as in Edward's script. The
 * exact posterior is {@code Dirichlet(1 + counts)}, which the variational family contains, so the
 * inferred mean should reach the posterior mean {@code (1 + n_k) / (N + K)}; this port reports
 * both errors. Edward's default optimizer (Adam, learning rate 0.1 decayed by 0.9 every 100 steps)
 * moves each unconstrained parameter by at most about 65 in 1500 steps, and in practice by 10-20
 * with 30-sample gradients, so at Edward's N = 1000 (posterior concentrations of 130-440) the
 * inferred {@code pi} stays shrunk towards uniform by a few hundredths, as it does in Edward; at N =
 * 20 (concentrations up to about 12) it reaches the posterior.
 *
 * <p>{@code bin/edward dirichlet-categorical [--n N] [--iterations 1500] [--samples 30]}
 */
public final class DirichletCategoricalExample {

  /** Edward's concentration of the Dirichlet the true {@code pi} is drawn from. */
  static final double[] TRUE_CONCENTRATION = {20, 30, 10, 10};

  private DirichletCategoricalExample() {}

  private static float[] ones(int k) {
    float[] a = new float[k];
    Arrays.fill(a, 1f);
    return a;
  }

  /**
   * The script's settings.
   *
   * @param n the number of observations, Edward's {@code N} (1000)
   * @param iterations KLqp iterations (Edward: 1500)
   * @param samples Monte Carlo samples per gradient (Edward: 30)
   * @param seed the seed of the data and of the graph
   */
  public record Settings(int n, int iterations, int samples, long seed) {
    /**
     * Checks every value.
     *
     * @param n see the record's description
     * @param iterations see the record's description
     * @param samples see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      Checks.positive("n", n);
      Checks.positive("iterations", iterations);
      Checks.positive("samples", samples);
    }
  }

  /**
   * What the script prints, and the exact answer beside it.
   *
   * @param piTrue the {@code pi} the data were drawn from
   * @param piInferred {@code E_q[pi]} after fitting
   * @param posteriorMean the exact posterior mean {@code (1 + n_k) / (N + K)}
   * @param finalLoss the last iteration's loss (negative ELBO estimate)
   * @param seconds wall time of the fit
   */
  public record Result(double[] piTrue, double[] piInferred, double[] posteriorMean, double finalLoss, double seconds) {
    /**
     * Largest {@code |E_q[pi_k] - pi_k|}.
     *
     * @return the largest error to the true {@code pi}
     */
    public double maxErrorToTruth() {
      return Figures.maxAbsDifference(piInferred, piTrue);
    }

    /**
     * Largest {@code |E_q[pi_k] - E[pi_k | z]|}.
     *
     * @return the largest error to the exact posterior mean
     */
    public double maxErrorToPosterior() {
      return Figures.maxAbsDifference(piInferred, posteriorMean);
    }
  }

  /**
   * Simulates the data, fits q, prints what Edward's script prints.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures
   */
  public static Result run(Settings s, PrintStream out) {
    int k = TRUE_CONCENTRATION.length;
    ToyDraws draws = new ToyDraws(s.seed());
    double[] piTrue = draws.dirichlet(TRUE_CONCENTRATION);
    int[] z = new int[s.n()];
    double[] posterior = new double[k];
    Arrays.fill(posterior, 1);
    for (int i = 0; i < s.n(); i++) {
      z[i] = draws.categorical(piTrue);
      posterior[z[i]]++;
    }
    for (int j = 0; j < k; j++) {
      posterior[j] /= s.n() + k;
    }
    out.println("pi: " + Figures.format(piTrue));
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Dirichlet pi = Dirichlet.of(model, ones(k));
      Categorical<TInt32> zRv = Categorical.builder(model).probs(pi).sampleShape(s.n()).build();
      VariableScope q = ctx.scope("qpi");
      Variable<TFloat32> concentration = q.getVariable("concentration", Shape.of(k));
      Dirichlet qpi = Dirichlet.of(q, q.tf().math.softplus(concentration));
      try (KLqp inference = new KLqp(Map.of(pi, qpi), Map.of(zRv, ctx.tf().constant(z)))) {
        inference.initialize(KLqpOptions.builder().nIter(s.iterations()).nSamples(s.samples()).progressOutput(out).build());
        double loss = Double.NaN;
        for (int t = 0; t < s.iterations(); t++) {
          UpdateInfo info = inference.update();
          inference.printProgress(info);
          loss = info.loss();
        }
        double[] inferred = Figures.toDoubles(ctx.eval(qpi.mean()).data());
        out.println("Inferred pi: " + Figures.format(inferred));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(piTrue, inferred, posterior, loss, seconds);
      }
    }
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    return QualityReport.builder("dirichlet-categorical")
        .setting("command", String.format(Locale.ROOT, "bin/edward dirichlet-categorical --n %d --iterations %d --samples %d --seed %d",
            s.n(), s.iterations(), s.samples(), s.seed()))
        .setting("n", s.n()).setting("iterations", s.iterations()).setting("samples", s.samples())
        .setting("seed", s.seed()).setting("train_seconds", r.seconds())
        .metric("max_error_to_true_pi", r.maxErrorToTruth(), "max_k |E_q[pi_k] - pi_k|; posterior sd is about sqrt(pi(1-pi)/N)")
        .metric("max_error_to_posterior_mean", r.maxErrorToPosterior(), "max_k |E_q[pi_k] - (1 + n_k)/(N + K)|, the exact answer")
        .build();
  }
}
