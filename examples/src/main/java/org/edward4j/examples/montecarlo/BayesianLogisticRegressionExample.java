package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.models.math.LinearAlgebra;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/bayesian_logistic_regression.py}: Bayesian logistic regression by
 * Hamiltonian Monte Carlo, with a picture of the fit. {@code N = 40} inputs {@code x} evenly
 * spaced on {@code [-6, 6]}, labels {@code 1[tanh(x) + N(0, 0.1) >= 0.5]}, inputs rescaled to
 * {@code (x - 4) / 4}; {@code w ~ N(0, 3^2 I)} of {@code D = 1}, {@code b ~ N(0, 3^2)}, {@code y ~
 * Bernoulli(logits = X w + b)} with {@code X} a placeholder fed at every update.
 *
 * <p>As Edward: {@code T = 5000} draws from 0, HMC with step size 0.6 and two leapfrog steps,
 * progress every 10 draws. Edward redraws 50 curves {@code sigmoid(x w_s + b_s)} from the posterior
 * on 400 inputs of {@code [-5, 3]} every 10 draws into a live window; here the same picture is
 * written five times ({@code fit_<t>.png}) and at the end ({@code fit.png}), the curves drawn from
 * the rows filled so far (Edward's {@code qw.sample()} also draws the not yet written zero rows).
 * It prints the posterior means and standard deviations of {@code w} and {@code b}, which the
 * script leaves to the picture.
 *
 * <p>{@code bin/edward bayesian-logistic-regression [--n N] [--samples T] [--step-size e] [--out DIR] [--seed S]}
 */
public final class BayesianLogisticRegressionExample {

  /** Edward's D: one feature. */
  static final int D = 1;
  /** Posterior curves per picture, Edward's n_samples. */
  static final int CURVES = 50;

  private BayesianLogisticRegressionExample() {}

  /**
   * Edward's toy data set.
   *
   * @param x the rescaled inputs {@code (x - 4) / 4}, {@code [N]}
   * @param y the labels
   */
  record Data(float[] x, int[] y) {
    static Data build(int n, Random random) {
      float[] x = new float[n];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        double xi = n == 1 ? -6 : -6 + 12.0 * i / (n - 1);
        y[i] = Math.tanh(xi) + 0.1 * random.nextGaussian() >= 0.5 ? 1 : 0;
        x[i] = (float) ((xi - 4) / 4);
      }
      return new Data(x, y);
    }
  }

  /**
   * What a run found.
   *
   * @param data the data set
   * @param w the chain of {@code w}
   * @param b the chain of {@code b}
   * @param report the JSON report written
   */
  record Result(Data data, ChainDraws w, ChainDraws b, Path report) {}

  static Result run(BayesianLogisticRegressionCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    int n = args.n;
    int t = args.samples;
    Random random = new Random(args.output.seed());
    Data data = Data.build(n, random);
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("X", TFloat32.class, Shape.of(n, D));
      Normal w = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {D}), TFloat32.class))
          .scale(tf.math.mul(tf.constant(3f), tf.ones(tf.constant(new int[] {D}), TFloat32.class))).name("w").build();
      Normal b = Normal.builder(model).loc(0.0).scale(3.0).name("b").build();
      Bernoulli<TInt32> y = Bernoulli.builder(model).logits(tf.math.add(LinearAlgebra.dot(tf, xPh, w), b)).name("y").build();

      VariableScope qwScope = ctx.scope("qw");
      Variable<TFloat32> qwParams = qwScope.getVariable("params", Shape.of(t, D), Initializers.zeros());
      VariableScope qbScope = ctx.scope("qb");
      Variable<TFloat32> qbParams = qbScope.getVariable("params", Shape.of(t), Initializers.zeros());
      Empirical qw = Empirical.of(qwScope, qwParams);
      Empirical qb = Empirical.of(qbScope, qbParams);

      HMC inference = new HMC(Map.of(w, qw, b, qb), Map.of(y, ctx.tf().constant(data.y())));
      inference.initialize(HmcOptions.builder().nPrint(10).stepSize(args.stepSize).build());
      Map<ContextPlaceholder<TFloat32>, float[][]> feed = Map.of(xPh, column(data.x()));
      int every = Math.max(1, t / 5);
      for (int i = 0; i < t; i++) {
        UpdateInfo info = inference.update(feed);
        inference.printProgress(info);
        if (i % every == 0 && i > 0) {
          writeFit(ctx, qwParams, qbParams, i, data, random, out.resolve(String.format("fit_%05d.png", i)));
        }
      }
      inference.finish();
      Path fit = writeFit(ctx, qwParams, qbParams, t, data, random, out.resolve("fit.png"));

      ChainDraws wDraws = ChainDraws.fetch(ctx, "w", qwParams);
      ChainDraws bDraws = ChainDraws.fetch(ctx, "b", qbParams);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("posterior of w: mean %.3f, stddev %.3f (ESS %.0f); of b: mean %.3f, stddev %.3f (ESS %.0f); "
          + "acceptance rate %.3f; %.1f s%nfitted curves in %s%n", wDraws.mean(0), wDraws.sd(0), wDraws.ess(0),
          bDraws.mean(0), bDraws.sd(0), bDraws.ess(0), wDraws.moveRate(), seconds, fit.toAbsolutePath());
      Path report = QualityReport.builder("bayesian-logistic-regression")
          .setting("command", "bin/edward bayesian-logistic-regression --n " + n + " --samples " + t)
          .setting("seed", args.output.seed())
          .setting("samples", t)
          .setting("step_size", args.stepSize)
          .setting("train_seconds", seconds)
          .metric("mean_w", wDraws.mean(0), "posterior mean of the slope")
          .metric("mean_w_std", wDraws.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("mean_b", bDraws.mean(0), "posterior mean of the intercept")
          .metric("mean_b_std", bDraws.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("accept_rate", wDraws.moveRate(), "fraction of transitions that moved")
          .build().writeJson(out.resolve("bayesian-logistic-regression.json"));
      return new Result(data, wDraws, bDraws, report);
    }
  }

  private static float[][] column(float[] x) {
    float[][] c = new float[x.length][1];
    for (int i = 0; i < x.length; i++) {
      c[i][0] = x[i];
    }
    return c;
  }

  /** Edward's picture: the data and 50 curves {@code sigmoid(x w_s + b_s)} of draws among the first {@code filled} rows. */
  private static Path writeFit(ModelContext ctx, Variable<TFloat32> qw, Variable<TFloat32> qb, int filled, Data data,
      Random random, Path file) throws IOException {
    float[] w = ctx.eval(qw).data();
    float[] b = ctx.eval(qb).data();
    int points = 400;
    double[] cx = new double[CURVES * points];
    double[] cy = new double[CURVES * points];
    for (int s = 0; s < CURVES; s++) {
      int row = random.nextInt(filled);
      for (int i = 0; i < points; i++) {
        double x = -5 + 8.0 * i / (points - 1);
        cx[s * points + i] = x;
        cy[s * points + i] = 1 / (1 + Math.exp(-(x * w[row * D] + b[row])));
      }
    }
    double[] dx = new double[data.x().length];
    double[] dy = new double[dx.length];
    for (int i = 0; i < dx.length; i++) {
      dx[i] = data.x()[i];
      dy[i] = data.y()[i];
    }
    return ScatterPlot.builder().title("Data and " + CURVES + " posterior curves after " + filled + " draws")
        .xLabel("x").yLabel("P(y = 1)").xRange(-5, 3).yRange(-0.5, 1.5).pointRadius(1)
        .series("sigmoid(x w + b), posterior draws", cx, cy).series("data", dx, dy)
        .build().writePng(file);
  }
}
