package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/probabilistic_pca_subsampling.py} (Tipping and Bishop, 1999): {@code x_n
 * = W z_n + N(0, 1)} with {@code W ~ N(0, 10)} of shape [D, K] and {@code z_n ~ N(0, 1)}, fitted on
 * minibatches of M of N points by two alternating KLqp inferences, one over the global {@code W}
 * (with the batch's {@code z} bound to {@code q(z)}) and one over the batch's local {@code z} (with
 * {@code W} bound to {@code q(W)}); both weight the batch's terms by {@code scale = N / M}. Each
 * step makes five {@code z} updates, then one {@code W} update; every 100 steps it prints the
 * inferred principal axes {@code E_q[W]}, after printing the true ones.
 *
 * <p>{@code q(z)} holds a location and scale per data point and the batch's rows are gathered by
 * index ({@code idx_ph}). Edward's script passes {@code var_list=qz_variables} to the {@code W}
 * inference and {@code qw_variables} to the {@code z} one, the reverse of what its names and the
 * tutorial describe (each inference updates its own approximation); this port follows the
 * tutorial. With K = 1 the axis is identified up to its sign; the port reports the error after
 * aligning the sign.
 *
 * <p>{@code bin/edward probabilistic-pca-subsampling [--n 5000] [--batch 100] [--d 2] [--k 1]}
 */
public final class ProbabilisticPcaSubsamplingExample {

  private ProbabilisticPcaSubsamplingExample() {}

  /**
   * The script's settings.
   *
   * @param n data points, Edward's {@code N} (5000)
   * @param batch minibatch size, Edward's {@code M} (100)
   * @param d data dimension, Edward's {@code D} (2)
   * @param k latent dimension, Edward's {@code K} (1)
   * @param iterations W updates (Edward's default 1000), each after five z updates
   * @param seed the seed of the data and of the graph
   */
  public record Settings(int n, int batch, int d, int k, int iterations, long seed) {
    /**
     * Checks every value.
     *
     * @param n see the record's description
     * @param batch see the record's description
     * @param d see the record's description
     * @param k see the record's description
     * @param iterations see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      Checks.positive("n", n);
      Checks.positive("batch", batch);
      Checks.positive("d", d);
      Checks.positive("k", k);
      Checks.positive("iterations", iterations);
    }
  }

  /**
   * The figures.
   *
   * @param trueAxes the true {@code W}, row-major [D, K]
   * @param inferredAxes {@code E_q[W]}, row-major [D, K]
   * @param axisError {@code max |E_q[W] - W|} with each column's sign aligned to the truth
   * @param seconds wall time
   */
  public record Result(double[] trueAxes, double[] inferredAxes, double axisError, double seconds) {}

  /**
   * Simulates the data, runs the alternating inferences, prints the axes.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures
   */
  public static Result run(Settings s, PrintStream out) {
    int n = s.n();
    int m = s.batch();
    int d = s.d();
    int k = s.k();
    ToyDraws draws = new ToyDraws(s.seed());
    double[] w = new double[d * k];
    for (int i = 0; i < w.length; i++) {
      w[i] = draws.normal(0, 2);
    }
    double[][] zTrue = new double[k][n];
    for (double[] row : zTrue) {
      for (int j = 0; j < n; j++) {
        row[j] = draws.normal(0, 1);
      }
    }
    float[][] x = new float[d][n];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < n; j++) {
        double mean = 0;
        for (int l = 0; l < k; l++) {
          mean += w[i * k + l] * zTrue[l][j];
        }
        x[i][j] = (float) draws.normal(mean, 1);
      }
    }
    out.println("True principal axes:");
    out.println(rows(w, k));
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal wRv = Normal.builder(model).loc(0.0).scale(10.0).sampleShape(d, k).name("w").build();
      Normal zRv = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(m, k).name("z").build();
      Normal xRv = Normal.builder(model).loc(tf.linalg.matMul(wRv, zRv, MatMul.transposeB(true)))
          .scale(tf.ones(tf.constant(new int[] {d, m}), TFloat32.class)).name("x").build();

      VariableScope qwScope = ctx.scope("qw");
      Variable<TFloat32> qwLoc = qwScope.getVariable("loc", Shape.of(d, k));
      Variable<TFloat32> qwScale = qwScope.getVariable("scale", Shape.of(d, k));
      Normal qw = Normal.builder(qwScope).loc(qwLoc).scale(qwScope.tf().math.softplus(qwScale)).build();
      VariableScope qzScope = ctx.scope("qz");
      Ops qt = qzScope.tf();
      Variable<TFloat32> qzLoc = qzScope.getVariable("loc", Shape.of(n, k));
      Variable<TFloat32> qzScale = qzScope.getVariable("scale", Shape.of(n, k));
      ContextPlaceholder<TInt32> idx = ctx.placeholder(TInt32.class, Shape.of(m));
      Normal qz = Normal.builder(qzScope).loc(qt.gather(qzLoc, idx, qt.constant(0)))
          .scale(qt.math.softplus(qt.gather(qzScale, idx, qt.constant(0)))).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(d, m));

      double scaleFactor = (double) n / m;
      Map<Operand<?>, Double> scale = Map.of(xRv, scaleFactor, zRv, scaleFactor);
      Operand<TFloat32> qwMean = qw.mean();
      try (KLqp inferenceW = new KLqp(Map.of(wRv, qw), Map.of(xRv, xPh, zRv, qz));
          KLqp inferenceZ = new KLqp(Map.of(zRv, qz), Map.of(xRv, xPh, wRv, qw))) {
        inferenceW.initialize(KLqpOptions.builder().nIter(s.iterations()).nSamples(5).scale(scale)
            .varList(List.of(qwLoc, qwScale)).progressOutput(out).build());
        inferenceZ.initialize(KLqpOptions.builder().nSamples(5).scale(scale).varList(List.of(qzLoc, qzScale))
            .nPrint(0).build());
        float[] inferred = null;
        for (int t = 1; t <= s.iterations(); t++) {
          int[] batch = new int[m];
          float[][] xBatch = new float[d][m];
          for (int j = 0; j < m; j++) {
            batch[j] = draws.choice(n);
            for (int i = 0; i < d; i++) {
              xBatch[i][j] = x[i][batch[j]];
            }
          }
          Map<Operand<?>, Object> feed = Map.of(xPh, xBatch, idx, batch);
          for (int r = 0; r < 5; r++) {
            inferenceZ.update(feed);
          }
          UpdateInfo info = inferenceW.update(feed);
          inferenceW.printProgress(info);
          if (t % 100 == 0 || t == s.iterations()) {
            inferred = ctx.eval(qwMean).data();
            if (t % 100 == 0) {
              out.println();
              out.println("Inferred principal axes:");
              out.println(rows(Figures.toDoubles(inferred), k));
            }
          }
        }
        double[] inferredAxes = Figures.toDoubles(inferred);
        return new Result(w, inferredAxes, alignedError(w, inferredAxes, d, k), (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** {@code max |sign_l * inferred - truth|}, each column's sign chosen to match the truth best. */
  static double alignedError(double[] truth, double[] inferred, int d, int k) {
    double max = 0;
    for (int l = 0; l < k; l++) {
      double plus = 0;
      double minus = 0;
      for (int i = 0; i < d; i++) {
        plus = Math.max(plus, Math.abs(inferred[i * k + l] - truth[i * k + l]));
        minus = Math.max(minus, Math.abs(-inferred[i * k + l] - truth[i * k + l]));
      }
      max = Math.max(max, Math.min(plus, minus));
    }
    return max;
  }

  private static String rows(double[] values, int k) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length / k; i++) {
      double[] row = java.util.Arrays.copyOfRange(values, i * k, (i + 1) * k);
      sb.append(i == 0 ? "" : "\n ").append(Figures.format(row));
    }
    return sb.append(']').toString();
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    return QualityReport.builder("probabilistic-pca-subsampling")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward probabilistic-pca-subsampling --n %d --batch %d --d %d --k %d --iterations %d --seed %d",
            s.n(), s.batch(), s.d(), s.k(), s.iterations(), s.seed()))
        .setting("n", s.n()).setting("batch", s.batch()).setting("iterations", s.iterations()).setting("seed", s.seed())
        .setting("train_seconds", r.seconds())
        .metric("axis_error", r.axisError(), "max |E_q[W] - W_true| after aligning each axis's sign")
        .build();
  }
}
