package org.edward4j.examples.variational;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.ImplicitKLqp;
import org.edward4j.inferences.ImplicitKLqpOptions;
import org.edward4j.inferences.RatioEstimator;
import org.edward4j.inferences.Side;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Normal;
import org.edward4j.models.math.LinearAlgebra;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/bayesian_linear_regression_implicitklqp.py}: Bayesian linear regression
 * {@code w ~ N(0, I)}, {@code y | X, w ~ N(X w, 1)} on {@code N} points with {@code w_true = (5, ...,
 * 5)} and noise 0.1, fitted by {@link ImplicitKLqp} with {@code w} global, a ratio estimator {@code
 * r(y_n, w)} (a 64-unit ReLU layer over {@code [y_n, w]}), minibatches of {@code M} with {@code
 * scale = N / M}, and, per iteration, five ratio-estimator steps then one variational step, as the
 * script. It prints q's mean and standard deviation every {@code nPrint} iterations.
 *
 * <p>Edward's script warns of a local optimum near {@code [-5, 5]} (a sign symmetry the ratio
 * estimator cannot see from {@code y} alone); {@link Result#nearTruth()} says which one a run found.
 */
public final class BayesianLinearRegressionImplicitKLqpExample {

  /** The script's name, and the report's. */
  public static final String NAME = "bayesian-linear-regression-implicitklqp";

  private BayesianLinearRegressionImplicitKLqpExample() {}

  /**
   * The settings: Edward's flags N, M, D, plus iterations and reporting.
   *
   * @param n data points
   * @param m minibatch size
   * @param d features
   * @param nIter iterations (each five ratio steps and one variational step)
   * @param nPrint iterations between progress lines
   * @param seed graph and data seed
   */
  public record Settings(int n, int m, int d, int nIter, int nPrint, long seed) {}

  /**
   * What a run found.
   *
   * @param mean q's mean
   * @param stddev q's standard deviation
   * @param wTrue the true weights
   * @param nearTruth whether every coordinate of the mean is within 1 of the truth (the script's
   *     claim), rather than at a sign-flipped optimum such as {@code [-5, 5]}
   */
  public record Result(float[] mean, float[] stddev, double[] wTrue, boolean nearTruth) {}

  /**
   * Builds the model as Edward's script does, trains, and writes the report under {@code out}.
   *
   * @param s the settings
   * @param out the output directory, or null for no report
   * @param log where progress goes
   * @return q's mean and standard deviation
   * @throws IOException if the report cannot be written
   */
  public static Result run(Settings s, Path out, PrintStream log) throws IOException {
    long start = System.nanoTime();
    Random rng = new Random(s.seed());
    double[] wTrue = new double[s.d()];
    java.util.Arrays.fill(wTrue, 5.0);
    float[][] xTrain = new float[s.n()][s.d()];
    float[] yTrain = new float[s.n()];
    for (int i = 0; i < s.n(); i++) {
      double dot = 0;
      for (int j = 0; j < s.d(); j++) {
        xTrain[i][j] = (float) rng.nextGaussian();
        dot += xTrain[i][j] * wTrue[j];
      }
      yTrain[i] = (float) (dot + 0.1 * rng.nextGaussian());
    }
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      int m = s.m();
      int d = s.d();
      ContextPlaceholder<TFloat32> x = ctx.placeholder(TFloat32.class, Shape.of(m, d));
      ContextPlaceholder<TFloat32> yPh = ctx.placeholder(TFloat32.class, Shape.of(m));
      VariableScope model = ctx.scope("model");
      Normal w = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(d).build();
      Normal y = Normal.builder(model).loc(LinearAlgebra.dot(model.tf(), x, w)).scale(1.0).build();
      VariableScope qwScope = ctx.scope("qw");
      Ops tq = qwScope.tf();
      Variable<TFloat32> loc = qwScope.getVariable("loc", Shape.of(d));
      Variable<TFloat32> scale = qwScope.getVariable("scale", Shape.of(d));
      Normal qw = Normal.builder(qwScope).loc(tq.math.add(loc, tq.constant(1f))).scale(tq.math.softplus(scale)).build();
      RatioEstimator ratio = (scope, data, locals, globals) -> {
        Ops tf = scope.tf();
        @SuppressWarnings("unchecked")
        Operand<TFloat32> yv = (Operand<TFloat32>) data.get(y);
        @SuppressWarnings("unchecked")
        Operand<TFloat32> wv = (Operand<TFloat32>) globals.get(w);
        Operand<TFloat32> input = tf.concat(java.util.List.of(
            tf.reshape(yv, tf.constant(new int[] {m, 1})),
            tf.tile(tf.reshape(wv, tf.constant(new int[] {1, d})), tf.constant(new int[] {m, 1}))), tf.constant(1));
        Operand<TFloat32> hidden = Layers.dense(scope, input, 64, DenseOptions.builder().activation(Activation.relu()).build());
        return Layers.dense(scope, hidden, 1);
      };
      ImplicitKLqp inference = new ImplicitKLqp(Map.of(w, qw), Map.of(y, yPh), ratio, Map.of(w, qw));
      inference.initialize(ImplicitKLqpOptions.builder().nIter(s.nIter()).nPrint(0)
          .scale(Map.of(y, (double) s.n() / m)).build());
      float[][] xBatch = new float[m][];
      float[] yBatch = new float[m];
      int next = 0;
      Map<Operand<?>, Object> feed = new HashMap<>();
      for (int t = 1; t <= s.nIter(); t++) {
        // Edward's generator: consecutive batches, wrapping around the end.
        for (int i = 0; i < m; i++) {
          xBatch[i] = xTrain[(next + i) % s.n()];
          yBatch[i] = yTrain[(next + i) % s.n()];
        }
        next = (next + m) % s.n();
        feed.put(x, xBatch);
        feed.put(yPh, yBatch);
        UpdateInfo infoD = null;
        for (int k = 0; k < 5; k++) {
          infoD = inference.update(feed, Side.DISC);
        }
        UpdateInfo info = inference.update(feed, Side.GEN);
        if (t == 1 || t % s.nPrint() == 0) {
          log.printf("iteration %d: loss %.3f, loss_d %.3f%n  inferred mean %s%n  inferred std %s%n", t, info.loss(),
              infoD.values().getOrDefault("loss_d", Double.NaN), java.util.Arrays.toString(ctx.eval(qw.mean()).data()),
              java.util.Arrays.toString(ctx.eval(qw.stddev()).data()));
        }
      }
      TensorValue mean = ctx.eval(qw.mean());
      TensorValue sd = ctx.eval(qw.stddev());
      boolean near = true;
      for (int j = 0; j < d; j++) {
        near &= Math.abs(mean.get(j) - wTrue[j]) < 1.0;
      }
      Result result = new Result(mean.data(), sd.data(), wTrue, near);
      log.printf("q mean %s, std %s: %s%n", java.util.Arrays.toString(result.mean()), java.util.Arrays.toString(result.stddev()),
          near ? "near the true weights" : "NOT near the true weights (a local optimum, as Edward's script warns)");
      if (out != null) {
        QualityReport.Builder report = QualityReport.builder(NAME).setting("N", s.n()).setting("M", m).setting("D", d)
            .setting("iterations", s.nIter()).setting("seed", s.seed())
            .setting("train_seconds", (System.nanoTime() - start) / 1e9);
        double err = 0;
        for (int j = 0; j < d; j++) {
          report.metric("q_mean_" + j, mean.get(j), "true " + wTrue[j]);
          report.metric("q_std_" + j, sd.get(j), "");
          err = Math.max(err, Math.abs(mean.get(j) - wTrue[j]));
        }
        report.metric("max_abs_error_to_w_true", err, near ? "near [5, ..., 5]" : "a local optimum");
        report.build().writeJson(out.resolve(NAME + ".json"));
      }
      return result;
    }
  }
}
