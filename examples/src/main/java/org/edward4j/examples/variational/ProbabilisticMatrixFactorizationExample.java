package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.Evaluate;
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
 * Edward's {@code examples/probabilistic_matrix_factorization.py}: {@code R = U^T V + noise} with
 * {@code U ~ N(0, 1)} of shape [D, N] (users), {@code V ~ N(0, 1)} of shape [D, M] (movies), half
 * the entries observed ({@code R ~ Normal(U^T V * I, 1)} with a 0/1 mask {@code I}), fitted with
 * KLqp; prints the mean squared error of {@code qR = Normal(qU^T qV, 1)} through {@code evaluate}.
 *
 * <p>Edward's criticism binds {@code {qR: R_true, I: I_test}}, but {@code qR} does not depend on
 * {@code I}, so the number it prints is the error over every entry, training entries included.
 * This port prints that figure and the held-out one (the test entries only, also through {@code
 * evaluate}, on a gather of {@code qR}'s mean at the test indices), which is what Edward's script
 * means to report.
 *
 * <p>{@code bin/edward probabilistic-matrix-factorization [--users 50] [--movies 60] [--factors 3]}
 */
public final class ProbabilisticMatrixFactorizationExample {

  private ProbabilisticMatrixFactorizationExample() {}

  /**
   * The script's settings.
   *
   * @param users Edward's {@code N} (50)
   * @param movies Edward's {@code M} (60)
   * @param factors Edward's {@code D} (3)
   * @param iterations KLqp iterations (Edward's default 1000)
   * @param seed the seed of the data and of the graph
   */
  public record Settings(int users, int movies, int factors, int iterations, long seed) {
    /**
     * Checks every value.
     *
     * @param users see the record's description
     * @param movies see the record's description
     * @param factors see the record's description
     * @param iterations see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      Checks.positive("users", users);
      Checks.positive("movies", movies);
      Checks.positive("factors", factors);
      Checks.positive("iterations", iterations);
    }
  }

  /**
   * The figures.
   *
   * @param edwardMse what Edward's script prints: the error of {@code qR} over every entry
   * @param testMse the error over the held-out entries only
   * @param testEntries how many entries were held out
   * @param finalLoss the last iteration's loss
   * @param seconds wall time
   */
  public record Result(double edwardMse, double testMse, int testEntries, double finalLoss, double seconds) {}

  /**
   * Simulates the ratings, fits q, prints the errors.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures
   */
  public static Result run(Settings s, PrintStream out) {
    int n = s.users();
    int m = s.movies();
    int d = s.factors();
    ToyDraws draws = new ToyDraws(s.seed());
    double[][] u = new double[d][n];
    double[][] v = new double[d][m];
    for (double[] row : u) {
      for (int i = 0; i < n; i++) {
        row[i] = draws.normal(0, 1);
      }
    }
    for (double[] row : v) {
      for (int j = 0; j < m; j++) {
        row[j] = draws.normal(0, 1);
      }
    }
    float[][] rTrue = new float[n][m];
    float[][] iTrain = new float[n][m];
    int testCount = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += u[k][i] * v[k][j];
        }
        rTrue[i][j] = (float) (dot + draws.normal(0, 0.1));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        iTrain[i][j] = draws.bernoulli(0.5);
        testCount += iTrain[i][j] == 0 ? 1 : 0;
      }
    }
    int[] testIndex = new int[testCount];
    float[] rTest = new float[testCount];
    for (int i = 0, c = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        if (iTrain[i][j] == 0) {
          testIndex[c] = i * m + j;
          rTest[c++] = rTrue[i][j];
        }
      }
    }
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Operand<TFloat32> mask = tf.constant(iTrain);
      Normal uRv = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(d, n).name("U").build();
      Normal vRv = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(d, m).name("V").build();
      Operand<TFloat32> ones = tf.ones(tf.constant(new int[] {n, m}), TFloat32.class);
      Normal r = Normal.builder(model).loc(tf.math.mul(uTv(tf, uRv, vRv), mask)).scale(ones).name("R").build();
      Normal qU = MeanFieldNormal.of(ctx, "qU", Shape.of(d, n));
      Normal qV = MeanFieldNormal.of(ctx, "qV", Shape.of(d, m));
      try (KLqp inference = new KLqp(Map.of(uRv, qU, vRv, qV), Map.of(r, tf.constant(rTrue)))) {
        inference.initialize(KLqpOptions.builder().nIter(s.iterations()).progressOutput(out).build());
        double loss = Double.NaN;
        for (int t = 0; t < s.iterations(); t++) {
          UpdateInfo info = inference.update();
          inference.printProgress(info);
          loss = info.loss();
        }
        VariableScope criticism = ctx.scope("criticism");
        Ops ct = criticism.tf();
        Operand<TFloat32> qLoc = uTv(ct, qU, qV);
        Normal qR = Normal.builder(criticism).loc(qLoc).scale(ct.ones(ct.constant(new int[] {n, m}), TFloat32.class))
            .name("qR").build();
        Operand<TFloat32> testLoc = ct.gather(ct.reshape(qLoc, ct.constant(new int[] {-1})), ct.constant(testIndex), ct.constant(0));
        Normal qRTest = Normal.builder(criticism).loc(testLoc).scale(1.0).name("qR_test").build();
        double edwardMse = Evaluate.evaluate("mean_squared_error", Map.of(qR, rTrue));
        double testMse = Evaluate.evaluate("mean_squared_error", Map.of(qRTest, rTest));
        out.println("Mean squared error on test data:");
        out.println(edwardMse);
        out.printf(Locale.ROOT, "(Edward binds I_test, which qR ignores, so that is over all %d entries; over the %d"
            + " held-out entries only: %.6f)%n", n * m, testCount, testMse);
        return new Result(edwardMse, testMse, testCount, loss, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** {@code tf.matmul(tf.transpose(u), v)}. */
  private static Operand<TFloat32> uTv(Ops tf, Operand<TFloat32> u, Operand<TFloat32> v) {
    return tf.linalg.matMul(u, v, org.tensorflow.op.linalg.MatMul.transposeA(true));
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    return QualityReport.builder("probabilistic-matrix-factorization")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward probabilistic-matrix-factorization --users %d --movies %d --factors %d --iterations %d --seed %d",
            s.users(), s.movies(), s.factors(), s.iterations(), s.seed()))
        .setting("users", s.users()).setting("movies", s.movies()).setting("factors", s.factors())
        .setting("iterations", s.iterations()).setting("seed", s.seed()).setting("train_seconds", r.seconds())
        .metric("mse_all_entries", r.edwardMse(), "what Edward's script prints: evaluate over every entry of R")
        .metric("test_mse", r.testMse(), "evaluate over the held-out entries only; noise variance 0.01")
        .build();
  }
}
