package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.MultivariateNormalTriL;
import org.edward4j.models.Normal;
import org.edward4j.models.Poisson;
import org.edward4j.models.math.Kernels;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/cox_process.py} (Cox, 1955; Miller et al., 2014): for each of N players,
 * a latent log-intensity {@code f_n ~ N(0, K_n)} over V shot locations, with {@code K_n = rbf(x_n)
 * + 1e-6 I} the radial basis kernel ({@link Kernels#rbf}) over the player's own counts, and counts
 * {@code x_{n,v} ~ Poisson(exp(f_{n,v}))}; fitted with KLqp and a mean-field Normal {@code q(f)};
 * Edward's script prints the loss (its progress bar) over 5000 iterations.
 *
 * <p>The counts are Edward's simulator: {@code K = L L^T} with {@code L} lower-triangular of {@code
 * N(2.5, 0.1)} entries, {@code f_n ~ N(0, K)}, {@code x ~ Poisson(exp(f_n))}. Edward feeds the
 * counts through a placeholder that builds {@code K}; they never change, so this port builds {@code
 * K} from a constant. Beside the loss, it reports the correlation of {@code E_q[f]} with {@code
 * log(x + 1)}: a Poisson likelihood with count {@code x} peaks at {@code f = log x}.
 *
 * <p>{@code bin/edward cox-process [--n 308] [--v 2] [--iterations 5000]}
 */
public final class CoxProcessExample {

  private CoxProcessExample() {}

  /**
   * The script's settings.
   *
   * @param n players, Edward's {@code N} (308)
   * @param v shot locations, Edward's {@code V} (2)
   * @param iterations KLqp iterations (Edward: 5000)
   * @param seed the seed of the data and of the graph
   */
  public record Settings(int n, int v, int iterations, long seed) {
    /**
     * Checks every value.
     *
     * @param n see the record's description
     * @param v see the record's description
     * @param iterations see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      Checks.positive("n", n);
      Checks.positive("v", v);
      Checks.positive("iterations", iterations);
    }
  }

  /**
   * The figures.
   *
   * @param firstLoss the loss at the first iteration
   * @param finalLoss the loss at the last iteration, where Edward's progress bar ends
   * @param logCountCorrelation Pearson r of {@code E_q[f]} and {@code log(x + 1)}
   * @param seconds wall time
   */
  public record Result(double firstLoss, double finalLoss, double logCountCorrelation, double seconds) {}

  /** Edward's {@code build_toy_dataset}: counts [n][v]. */
  static float[][] toyData(int n, int v, ToyDraws draws) {
    double[][] l = new double[v][v];
    for (int i = 0; i < v; i++) {
      for (int j = 0; j < v; j++) {
        double z = draws.normal(2.5, 0.1);
        l[i][j] = j <= i ? z : 0;
      }
    }
    float[][] x = new float[n][v];
    double[] e = new double[v];
    for (int row = 0; row < n; row++) {
      for (int i = 0; i < v; i++) {
        e[i] = draws.normal(0, 1);
      }
      for (int i = 0; i < v; i++) {
        double f = 0;
        for (int j = 0; j <= i; j++) {
          f += l[i][j] * e[j];
        }
        x[row][i] = draws.poisson(Math.exp(f));
      }
    }
    return x;
  }

  /**
   * Simulates the counts, fits q, prints Edward's progress bar and the figures.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures
   */
  public static Result run(Settings s, PrintStream out) {
    float[][] x = toyData(s.n(), s.v(), new ToyDraws(s.seed()));
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      float[][] diagonal = new float[s.v()][s.v()];
      for (int i = 0; i < s.v(); i++) {
        diagonal[i][i] = 1e-6f;
      }
      Operand<TFloat32> jitter = tf.constant(diagonal);
      List<Operand<TFloat32>> kernels = new ArrayList<>();
      for (float[] row : x) {
        float[][] column = new float[s.v()][1];
        for (int i = 0; i < s.v(); i++) {
          column[i][0] = row[i];
        }
        kernels.add(tf.math.add(Kernels.rbf(tf, tf.constant(column)), jitter));
      }
      Operand<TFloat32> k = tf.stack(kernels);
      MultivariateNormalTriL f = MultivariateNormalTriL.of(model,
          tf.zeros(tf.constant(new int[] {s.n(), s.v()}), TFloat32.class), tf.linalg.cholesky(k));
      Poisson<TFloat32> counts = Poisson.of(model, tf.math.exp(f));
      Normal qf = MeanFieldNormal.of(ctx, "qf", Shape.of(s.n(), s.v()));
      Operand<TFloat32> qMean = qf.mean();
      try (KLqp inference = new KLqp(Map.of(f, qf), Map.of(counts, tf.constant(x)))) {
        inference.initialize(KLqpOptions.builder().nIter(s.iterations()).progressOutput(out).build());
        double first = Double.NaN;
        double last = Double.NaN;
        for (int t = 0; t < s.iterations(); t++) {
          UpdateInfo info = inference.update();
          inference.printProgress(info);
          first = t == 0 ? info.loss() : first;
          last = info.loss();
        }
        double[] mean = Figures.toDoubles(ctx.eval(qMean).data());
        double[] logCounts = new double[mean.length];
        for (int i = 0; i < s.n(); i++) {
          for (int j = 0; j < s.v(); j++) {
            logCounts[i * s.v() + j] = Math.log1p(x[i][j]);
          }
        }
        double r = Figures.correlation(mean, logCounts);
        out.printf(Locale.ROOT, "Loss: %.3f; correlation of E_q[f] with log(x + 1): %.4f%n", last, r);
        return new Result(first, last, r, (System.nanoTime() - start) / 1e9);
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
    return QualityReport.builder("cox-process")
        .setting("command", String.format(Locale.ROOT, "bin/edward cox-process --n %d --v %d --iterations %d --seed %d",
            s.n(), s.v(), s.iterations(), s.seed()))
        .setting("n", s.n()).setting("v", s.v()).setting("iterations", s.iterations()).setting("seed", s.seed())
        .setting("train_seconds", r.seconds())
        .metric("loss", r.finalLoss(), "negative ELBO at the last iteration, one-sample estimate")
        .metric("first_loss", r.firstLoss(), "negative ELBO at the first iteration")
        .metric("log_count_correlation", r.logCountCorrelation(), "Pearson r of E_q[f] and log(x + 1)")
        .build();
  }
}
