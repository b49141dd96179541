package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/bayesian_nn.py} (Blundell et al., 2015; Kucukelbir et al., 2016): a
 * Bayesian neural network {@code y = W_2 tanh(W_1 tanh(W_0 x + b_0) + b_1) + b_2 + N(0, 0.1)} with
 * standard Normal priors on every weight and bias, fitted with KLqp and mean-field Normal
 * approximations; prints the loss (the negative ELBO) as Edward's progress bar does.
 *
 * <p>The toy data are Edward's: {@code N/2} points on each of [0, 2] and [6, 8], {@code y = cos(x) +
 * N(0, 0.1)}, inputs rescaled by {@code (x - 4) / 4}. Edward feeds the inputs through a placeholder
 * each step; they never change, so this port binds them as a constant. Beside the loss it reports
 * the root mean squared error of the network under the posterior means, so a fit is visible in one
 * number (the noise's sd, 0.1, is the floor; the best constant gives the sd of y, about 0.45).
 * Measured: at Edward's settings (one sample per gradient, Adam decayed from 0.1) the fit stops
 * near that constant, RMSE 0.43-0.45 over seeds 1, 7 and 42, also after 5000 iterations: the weights'
 * KL to their priors holds q near the prior once the learning rate has decayed.
 *
 * <p>{@code bin/edward bayesian-nn [--n 40] [--iterations 1000]}
 */
public final class BayesianNnExample {

  /** Hidden units per layer, as in Edward's script. */
  static final int HIDDEN = 10;

  private BayesianNnExample() {}

  /**
   * The script's settings.
   *
   * @param n data points, Edward's {@code N} (40); even
   * @param iterations KLqp iterations (Edward's default 1000)
   * @param seed the seed of the data and of the graph
   */
  public record Settings(int n, int iterations, long seed) {
    /**
     * Checks every value.
     *
     * @param n see the record's description
     * @param iterations see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      Checks.positive("n", n);
      if (n % 2 != 0) {
        throw new IllegalArgumentException("`n` must be even (half the points on each interval), got " + n);
      }
      Checks.positive("iterations", iterations);
    }
  }

  /**
   * The figures.
   *
   * @param firstLoss the loss at the first iteration
   * @param finalLoss the loss at the last iteration, the number Edward's progress bar ends on
   * @param rmse the root mean squared error of the network under the posterior means
   * @param seconds wall time of the fit
   */
  public record Result(double firstLoss, double finalLoss, double rmse, double seconds) {}

  /** Edward's {@code build_toy_dataset}: inputs [n][1], targets [n]. */
  static float[][][] toyData(int n, ToyDraws draws) {
    float[][] x = new float[n][1];
    float[][] y = new float[1][n];
    int half = n / 2;
    for (int i = 0; i < n; i++) {
      double raw = i < half ? linspace(0, 2, half, i) : linspace(6, 8, half, i - half);
      y[0][i] = (float) (Math.cos(raw) + draws.normal(0, 0.1));
      x[i][0] = (float) ((raw - 4.0) / 4.0);
    }
    return new float[][][] {x, y};
  }

  private static double linspace(double from, double to, int num, int i) {
    return num == 1 ? from : from + (to - from) * i / (num - 1);
  }

  /**
   * Simulates the data, fits q, prints Edward's progress bar and the figures.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures
   */
  public static Result run(Settings s, PrintStream out) {
    float[][][] data = toyData(s.n(), new ToyDraws(s.seed()));
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      List<Shape> shapes = List.of(Shape.of(1, HIDDEN), Shape.of(HIDDEN, HIDDEN), Shape.of(HIDDEN, 1),
          Shape.of(HIDDEN), Shape.of(HIDDEN), Shape.of(1));
      List<String> names = List.of("W_0", "W_1", "W_2", "b_0", "b_1", "b_2");
      Map<Operand<?>, Operand<?>> latentVars = new LinkedHashMap<>();
      Normal[] priors = new Normal[6];
      Normal[] posteriors = new Normal[6];
      for (int i = 0; i < 6; i++) {
        priors[i] = MeanFieldNormal.standard(model, shapes.get(i), names.get(i));
      }
      Operand<TFloat32> x = tf.constant(data[0]);
      Normal y = Normal.builder(model).loc(network(tf, x, priors))
          .scale(tf.math.mul(tf.constant(0.1f), tf.ones(tf.constant(new int[] {s.n()}), TFloat32.class))).name("y").build();
      for (int i = 0; i < 6; i++) {
        posteriors[i] = MeanFieldNormal.of(ctx, "posterior/q" + names.get(i), shapes.get(i));
        latentVars.put(priors[i], posteriors[i]);
      }
      Operand<TFloat32> yData = tf.constant(data[1][0]);
      Operand<TFloat32>[] means = meansOf(posteriors);
      Operand<TFloat32> residual = tf.math.sub(network(tf, x, means), yData);
      Operand<TFloat32> rmse = tf.math.sqrt(tf.math.mean(tf.math.square(residual), tf.constant(0)));
      try (KLqp inference = new KLqp(latentVars, Map.of(y, yData))) {
        inference.initialize(KLqpOptions.builder().nIter(s.iterations()).progressOutput(out).build());
        double first = Double.NaN;
        double last = Double.NaN;
        for (int t = 0; t < s.iterations(); t++) {
          UpdateInfo info = inference.update();
          inference.printProgress(info);
          first = t == 0 ? info.loss() : first;
          last = info.loss();
        }
        double fit = ctx.eval(rmse).scalar();
        out.printf(Locale.ROOT, "Loss: %.3f; RMSE of the network under the posterior means: %.4f%n", last, fit);
        return new Result(first, last, fit, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32>[] meansOf(Normal[] q) {
    Operand<TFloat32>[] means = new Operand[q.length];
    for (int i = 0; i < q.length; i++) {
      means[i] = q[i].mean();
    }
    return means;
  }

  /** Edward's {@code neural_network(X)} over weights W_0, W_1, W_2, b_0, b_1, b_2. */
  @SafeVarargs
  private static Operand<TFloat32> network(Ops tf, Operand<TFloat32> x, Operand<TFloat32>... w) {
    Operand<TFloat32> h = tf.math.tanh(tf.math.add(tf.linalg.matMul(x, w[0]), w[3]));
    h = tf.math.tanh(tf.math.add(tf.linalg.matMul(h, w[1]), w[4]));
    h = tf.math.add(tf.linalg.matMul(h, w[2]), w[5]);
    return tf.reshape(h, tf.constant(new int[] {-1}));
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    return QualityReport.builder("bayesian-nn")
        .setting("command", String.format(Locale.ROOT, "bin/edward bayesian-nn --n %d --iterations %d --seed %d",
            s.n(), s.iterations(), s.seed()))
        .setting("n", s.n()).setting("iterations", s.iterations()).setting("seed", s.seed())
        .setting("train_seconds", r.seconds())
        .metric("loss", r.finalLoss(), "negative ELBO at the last iteration, one-sample estimate")
        .metric("first_loss", r.firstLoss(), "negative ELBO at the first iteration")
        .metric("rmse", r.rmse(), "training RMSE under the posterior means; noise sd 0.1")
        .build();
  }
}
