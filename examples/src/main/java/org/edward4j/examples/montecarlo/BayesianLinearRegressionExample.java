package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.criticisms.Evaluate;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.montecarlo.SGHMC;
import org.edward4j.inferences.montecarlo.SghmcOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.models.math.LinearAlgebra;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/bayesian_linear_regression.py}: Bayesian linear regression by
 * stochastic gradient Hamiltonian Monte Carlo (Chen, Fox and Guestrin, 2014). {@code N = 40}
 * inputs, half evenly spaced on {@code [0, 2]} and half on {@code [6, 8]}, outputs {@code y = 2 x +
 * 10 N(0, 0.5)}; {@code w ~ N(0, I)} of {@code D = 1}, {@code b ~ N(0, 1)}, {@code y ~ N(X w + b,
 * 1)} with {@code X} a placeholder. A test set is drawn the same way.
 *
 * <p>As Edward: {@code T = 5000} draws from 0, SGHMC with {@code step_size = 1e-3} and friction
 * 0.1. It writes the draws of {@code (b, w)} after a burn-in of 100, every tenth ({@code
 * joint.png}, Edward's seaborn jointplot), prints the test mean squared error of the posterior
 * predictive {@code y_post = copy(y, {w: qw, b: qb})} through {@code Evaluate}, Edward's {@code
 * ed.evaluate('mean_squared_error', data={X: X_test, y_post: y_test})}, and writes ten prior and
 * ten posterior predictive lines over the training data ({@code prior_lines.png}, {@code
 * posterior_lines.png}).
 *
 * <p>The model is conjugate, so the exact posterior is printed beside the chain's: precision
 * {@code I + Xt' Xt} with {@code Xt = [x, 1]}, mean {@code (I + Xt' Xt)^-1 Xt' y}.
 *
 * <p>{@code bin/edward bayesian-linear-regression [--n N] [--samples T] [--step-size e] [--burn-in n] [--out DIR] [--seed S]}
 */
public final class BayesianLinearRegressionExample {

  /** Edward's D. */
  static final int D = 1;
  /** Edward's stride between plotted draws. */
  static final int STRIDE = 10;

  private BayesianLinearRegressionExample() {}

  /**
   * Edward's toy data set.
   *
   * @param x the inputs
   * @param y the outputs
   */
  record Data(float[] x, float[] y) {
    static Data build(int n, Random random) {
      float[] x = new float[n];
      float[] y = new float[n];
      int half = n / 2;
      for (int i = 0; i < n; i++) {
        // np.linspace(0, 2, N/2) then np.linspace(6, 8, N/2).
        int k = i < half ? i : i - half;
        int m = i < half ? half : n - half;
        double lo = i < half ? 0 : 6;
        x[i] = (float) (m == 1 ? lo : lo + 2.0 * k / (m - 1));
        y[i] = (float) (2.0 * x[i] + 10 * 0.5 * random.nextGaussian());
      }
      return new Data(x, y);
    }

    float[][] column() {
      float[][] c = new float[x.length][1];
      for (int i = 0; i < x.length; i++) {
        c[i][0] = x[i];
      }
      return c;
    }
  }

  /**
   * The exact posterior mean of {@code (w, b)}: {@code (I + Xt' Xt)^-1 Xt' y}.
   *
   * @param data the training data
   * @return {w, b}
   */
  static double[] exactPosteriorMean(Data data) {
    double sxx = 1;
    double sx = 0;
    double s11 = 1;
    double sxy = 0;
    double sy = 0;
    for (int i = 0; i < data.x().length; i++) {
      sxx += data.x()[i] * data.x()[i];
      sx += data.x()[i];
      s11 += 1;
      sxy += data.x()[i] * data.y()[i];
      sy += data.y()[i];
    }
    double det = sxx * s11 - sx * sx;
    return new double[] {(s11 * sxy - sx * sy) / det, (sxx * sy - sx * sxy) / det};
  }

  /**
   * What a run found.
   *
   * @param train the training data
   * @param test the test data
   * @param w the chain of {@code w}
   * @param b the chain of {@code b}
   * @param testMse the test mean squared error through {@code Evaluate}
   * @param report the JSON report written
   */
  record Result(Data train, Data test, ChainDraws w, ChainDraws b, double testMse, Path report) {}

  static Result run(BayesianLinearRegressionCommand args) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    int n = args.n;
    int t = args.samples;
    Random random = new Random(args.output.seed());
    Data train = Data.build(n, random);
    Data test = Data.build(n, random);
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("X", TFloat32.class, Shape.of(n, D));
      Normal w = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {D}), TFloat32.class))
          .scale(tf.ones(tf.constant(new int[] {D}), TFloat32.class)).name("w").build();
      Normal b = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {1}), TFloat32.class))
          .scale(tf.ones(tf.constant(new int[] {1}), TFloat32.class)).name("b").build();
      Normal y = Normal.builder(model).loc(tf.math.add(LinearAlgebra.dot(tf, xPh, w), b))
          .scale(tf.ones(tf.constant(new int[] {n}), TFloat32.class)).name("y").build();

      VariableScope qwScope = ctx.scope("qw");
      Variable<TFloat32> qwParams = qwScope.getVariable("params", Shape.of(t, D), Initializers.zeros());
      VariableScope qbScope = ctx.scope("qb");
      Variable<TFloat32> qbParams = qbScope.getVariable("params", Shape.of(t, 1), Initializers.zeros());
      Empirical qw = Empirical.of(qwScope, qwParams);
      Empirical qb = Empirical.of(qbScope, qbParams);

      SGHMC inference = new SGHMC(Map.of(w, qw, b, qb), Map.of(y, ctx.tf().constant(train.y())));
      Map<ContextPlaceholder<TFloat32>, float[][]> feed = Map.of(xPh, train.column());
      inference.run(SghmcOptions.builder().stepSize(args.stepSize).nPrint(Math.max(1, t / 10)).build(), () -> feed);

      ChainDraws wDraws = ChainDraws.fetch(ctx, "w", qwParams);
      ChainDraws bDraws = ChainDraws.fetch(ctx, "b", qbParams);
      ChainDraws wKept = wDraws.dropFirst(args.burnIn);
      ChainDraws bKept = bDraws.dropFirst(args.burnIn);
      writeJoint(wKept, bKept, out.resolve("joint.png"));

      RandomVariable<TFloat32> yPost = GraphCopy.copy(y, Map.of(w, qw, b, qb));
      System.out.println("Mean squared error on test data:");
      double mse = Evaluate.evaluate("mean_squared_error", Map.of(xPh, test.column(), yPost, test.y()));
      System.out.println((float) mse);
      double[] exact = exactPosteriorMean(train);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("posterior after %d draws of burn-in: w %.4f (exact %.4f, ESS %.0f), b %.4f (exact %.4f, ESS %.0f);"
          + " %.1f s%n", args.burnIn, wKept.mean(0), exact[0], wKept.ess(0), bKept.mean(0), exact[1], bKept.ess(0), seconds);

      System.out.println("Displaying prior predictive samples.");
      writeLines(ctx, w, b, 10, train, "Prior predictive lines", out.resolve("prior_lines.png"));
      System.out.println("Displaying posterior predictive samples.");
      writeLines(ctx, qw, qb, 10, train, "Posterior predictive lines", out.resolve("posterior_lines.png"));
      Path report = QualityReport.builder("bayesian-linear-regression")
          .setting("command", "bin/edward bayesian-linear-regression --n " + n + " --samples " + t)
          .setting("seed", args.output.seed())
          .setting("samples", t)
          .setting("step_size", args.stepSize)
          .setting("burn_in", args.burnIn)
          .setting("train_seconds", seconds)
          .metric("test_mse", mse, "ed.evaluate('mean_squared_error'); the data's noise variance is 25")
          .metric("mean_w", wKept.mean(0), "exact posterior " + exact[0])
          .metric("mean_w_std", wKept.mcseMean(0), "Monte Carlo standard error from the ESS")
          .metric("mean_b", bKept.mean(0), "exact posterior " + exact[1])
          .metric("mean_b_std", bKept.mcseMean(0), "Monte Carlo standard error from the ESS")
          .build().writeJson(out.resolve("bayesian-linear-regression.json"));
      return new Result(train, test, wDraws, bDraws, mse, report);
    }
  }

  private static void writeJoint(ChainDraws w, ChainDraws b, Path file) throws IOException {
    int m = (w.draws() + STRIDE - 1) / STRIDE;
    double[] bs = new double[m];
    double[] ws = new double[m];
    double[] bAll = b.coordinate(0);
    double[] wAll = w.coordinate(0);
    for (int i = 0; i < m; i++) {
      bs[i] = bAll[i * STRIDE];
      ws[i] = wAll[i * STRIDE];
    }
    ScatterPlot.builder().title("Posterior draws (every " + STRIDE + "th after the burn-in)").xLabel("b").yLabel("w")
        .series("(b, w)", bs, ws).build().writePng(file);
  }

  /** Ten lines {@code x w_s + b_s} over [-1, 10] for draws of {@code w} and {@code b}, over the data. */
  private static void writeLines(ModelContext ctx, RandomVariable<TFloat32> w,
      RandomVariable<TFloat32> b, int count, Data data, String title, Path file)
      throws IOException {
    float[] ws = ctx.eval(w.sample(count)).data();
    float[] bs = ctx.eval(b.sample(count)).data();
    int points = 400;
    ScatterPlot.Builder plot = ScatterPlot.builder().title(title).xLabel("x").yLabel("y").pointRadius(1);
    double[] lx = new double[count * points];
    double[] ly = new double[count * points];
    for (int s = 0; s < count; s++) {
      for (int i = 0; i < points; i++) {
        double x = -1 + 11.0 * i / (points - 1);
        lx[s * points + i] = x;
        ly[s * points + i] = x * ws[s] + bs[s];
      }
    }
    double[] dx = new double[data.x().length];
    double[] dy = new double[dx.length];
    for (int i = 0; i < dx.length; i++) {
      dx[i] = data.x()[i];
      dy[i] = data.y()[i];
    }
    plot.series("x w + b, " + count + " draws", lx, ly).series("training data", dx, dy).build().writePng(file);
  }
}
