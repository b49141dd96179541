package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.edward4j.models.BadInputTest.assertMessage;
import static org.edward4j.models.LogProbTest.assertClose;
import static org.edward4j.models.MomentsTest.assertWithinStandardErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The full-covariance multivariate normals (TriL, FullCovariance, DiagPlusLowRank) against
 * commons-math's {@link MultivariateNormalDistribution} and closed forms written here with its
 * matrix algebra: densities at random points (float32 tolerance), moments, entropy, KL between every
 * pair of variants (closed form, and Monte Carlo within 6 standard errors), marginals by KS/DKW at
 * alpha 1e-6 on 100,000 draws, covariances within 6 standard errors, gradients against finite
 * differences, bad input.
 */
class MultivariateNormalTest extends GraphTestBase {

  static final int N = 100_000;
  static final float[] LOC = {1f, -2f, 0.5f};
  static final float[][] TRIL = {{1.5f, 0f, 0f}, {0.4f, 0.8f, 0f}, {-0.6f, 0.3f, 1.1f}};

  static double[][] covarianceOf(float[][] l) {
    int k = l.length;
    double[][] c = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        for (int m = 0; m < k; m++) {
          c[i][j] += (double) l[i][m] * l[j][m];
        }
      }
    }
    return c;
  }

  static float[][] toFloat(double[][] m) {
    float[][] out = new float[m.length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        out[i][j] = (float) m[i][j];
      }
    }
    return out;
  }

  static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  /** The three variants with the same mean and covariance {@code TRIL TRIL^T}. */
  List<AbstractRandomVariable<TFloat32>> sameDistributionThreeWays() {
    double[][] cov = covarianceOf(TRIL);
    // S = diag(d) + u u^T with S S^T = cov is not easy to hit; DiagPlusLowRank is checked on its own below.
    return List.of(MultivariateNormalTriL.of(scope, LOC, TRIL), MultivariateNormalFullCovariance.of(scope, LOC, toFloat(cov)));
  }

  @Test
  void logProbMatchesCommonsMathAtRandomPoints() {
    MultivariateNormalDistribution ref = new MultivariateNormalDistribution(toDouble(LOC), covarianceOf(TRIL));
    Random rng = new Random(3);
    int m = 12;
    float[] x = new float[3 * m];
    double[] expected = new double[m];
    for (int r = 0; r < m; r++) {
      double[] xr = new double[3];
      for (int j = 0; j < 3; j++) {
        x[3 * r + j] = (float) (LOC[j] + 3 * rng.nextGaussian());
        xr[j] = x[3 * r + j];
      }
      expected[r] = Math.log(ref.density(xr));
    }
    for (AbstractRandomVariable<TFloat32> rv : sameDistributionThreeWays()) {
      TensorValue lp = ctx.eval(rv.logProb(constant(new long[] {m, 3}, x)));
      assertArrayEquals(new long[] {m}, lp.shape());
      assertClose(rv.distributionName(), expected, lp.data());
    }
  }

  @Test
  void diagPlusLowRankMatchesItsDenseCovariance() {
    float[] d = {1f, 0.5f, 2f};
    float[][] u = {{1f, 0f}, {0.5f, -1f}, {0f, 0.3f}};
    float[] v = {0.7f, 1.3f};
    double[][] s = new double[3][3];
    for (int i = 0; i < 3; i++) {
      s[i][i] = d[i];
      for (int j = 0; j < 3; j++) {
        for (int r = 0; r < 2; r++) {
          s[i][j] += (double) u[i][r] * v[r] * u[j][r];
        }
      }
    }
    RealMatrix sm = new Array2DRowRealMatrix(s);
    double[][] cov = sm.multiply(sm.transpose()).getData();
    MultivariateNormalDiagPlusLowRank w = MultivariateNormalDiagPlusLowRank.builder(scope).loc(LOC).scaleDiag(d)
        .scalePerturbFactor(u).scalePerturbDiag(v).build();
    MultivariateNormalDistribution ref = new MultivariateNormalDistribution(toDouble(LOC), cov);
    float[] x = {0f, 0f, 0f, 2f, -1f, 3f};
    assertClose("DiagPlusLowRank", new double[] {Math.log(ref.density(new double[] {0, 0, 0})),
        Math.log(ref.density(new double[] {2, -1, 3}))}, eval(w.logProb(constant(new long[] {2, 3}, x))));
    float[] var = eval(w.variance());
    for (int i = 0; i < 3; i++) {
      assertEquals(cov[i][i], var[i], 1e-5 * cov[i][i]);
    }
    assertEquals(0.5 * Math.log(Math.pow(2 * Math.PI * Math.E, 3) * new LUDecomposition(new Array2DRowRealMatrix(cov)).getDeterminant()),
        eval(w.entropy())[0], 2e-5 * 5);
    float[] draws = eval(w.sample(N));
    MultivariateChecks.assertCovariance("DiagPlusLowRank", draws, 3, 0, 1, cov[0][1], 6);
    MultivariateChecks.assertCovariance("DiagPlusLowRank", draws, 3, 1, 2, cov[1][2], 6);
    MultivariateChecks.assertCovariance("DiagPlusLowRank", draws, 3, 2, 2, cov[2][2], 6);
  }

  @Test
  void momentsCovarianceAndEntropyMatchClosedForms() {
    double[][] cov = covarianceOf(TRIL);
    double entropy = 0.5 * Math.log(Math.pow(2 * Math.PI * Math.E, 3) * new LUDecomposition(new Array2DRowRealMatrix(cov)).getDeterminant());
    for (AbstractRandomVariable<TFloat32> rv : sameDistributionThreeWays()) {
      String what = rv.distributionName();
      assertArrayEquals(LOC, eval(rv.mean()), what);
      assertArrayEquals(LOC, eval(rv.mode()), what);
      float[] var = eval(rv.variance());
      float[] sd = eval(rv.stddev());
      for (int i = 0; i < 3; i++) {
        assertEquals(cov[i][i], var[i], 1e-5 * Math.max(1, cov[i][i]), what);
        assertEquals(Math.sqrt(cov[i][i]), sd[i], 1e-5, what);
      }
      assertEquals(entropy, eval(rv.entropy())[0], 2e-5 * Math.abs(entropy), what);
    }
    float[] c = eval(MultivariateNormalTriL.of(scope, LOC, TRIL).covariance());
    for (int i = 0; i < 9; i++) {
      assertEquals(cov[i / 3][i % 3], c[i], 1e-5, "covariance " + i);
    }
  }

  @Test
  void drawsHaveNormalMarginalsAndTheRightCovariance() {
    double[][] cov = covarianceOf(TRIL);
    for (AbstractRandomVariable<TFloat32> rv : sameDistributionThreeWays()) {
      TensorValue draws = ctx.eval(rv.sample(N));
      assertArrayEquals(new long[] {N, 3}, draws.shape());
      float[] x = draws.data();
      for (int i = 0; i < 3; i++) {
        assertMatchesCdf(rv.distributionName() + " marginal " + i, MultivariateChecks.column(x, 3, i),
            new NormalDistribution(LOC[i], Math.sqrt(cov[i][i]))::cumulativeProbability, 1e-6);
      }
      // A projection a^T x is N(a^T mu, a^T Sigma a): it sees the off-diagonal covariance.
      double[] a = {1, -1, 2};
      float[] proj = new float[N];
      double pm = 0;
      double pv = 0;
      for (int i = 0; i < 3; i++) {
        pm += a[i] * LOC[i];
        for (int j = 0; j < 3; j++) {
          pv += a[i] * a[j] * cov[i][j];
        }
      }
      for (int r = 0; r < N; r++) {
        proj[r] = (float) (a[0] * x[3 * r] + a[1] * x[3 * r + 1] + a[2] * x[3 * r + 2]);
      }
      assertMatchesCdf(rv.distributionName() + " projection", proj, new NormalDistribution(pm, Math.sqrt(pv))::cumulativeProbability, 1e-6);
      MultivariateChecks.assertCovariance(rv.distributionName(), x, 3, 0, 2, cov[0][2], 6);
    }
  }

  /** {@code (tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1) - k + log(det S2 / det S1)) / 2}. */
  static double gaussianKl(double[] m1, double[][] s1, double[] m2, double[][] s2) {
    RealMatrix a = new Array2DRowRealMatrix(s1);
    RealMatrix b = new Array2DRowRealMatrix(s2);
    LUDecomposition lu = new LUDecomposition(b);
    RealMatrix bInv = lu.getSolver().getInverse();
    double trace = bInv.multiply(a).getTrace();
    double quad = 0;
    for (int i = 0; i < m1.length; i++) {
      for (int j = 0; j < m1.length; j++) {
        quad += (m2[i] - m1[i]) * bInv.getEntry(i, j) * (m2[j] - m1[j]);
      }
    }
    return 0.5 * (trace + quad - m1.length + Math.log(lu.getDeterminant() / new LUDecomposition(a).getDeterminant()));
  }

  @Test
  void klBetweenEveryPairOfVariantsMatchesTheClosedForm() {
    float[] loc2 = {0f, 0f, 1f};
    float[] diag2 = {2f, 0.5f, 1.2f};
    double[][] covDiag = {{4, 0, 0}, {0, 0.25, 0}, {0, 0, 1.44}};
    float[][] full2 = {{2f, 0.3f, 0f}, {0.3f, 1f, -0.2f}, {0f, -0.2f, 0.8f}};
    double[][] covFull2 = {{2, 0.3, 0}, {0.3, 1, -0.2}, {0, -0.2, 0.8}};
    double[][] cov1 = covarianceOf(TRIL);
    Map<String, Function<VariableScope, AbstractRandomVariable<TFloat32>>> qs = Map.of(
        "Diag", s -> MultivariateNormalDiag.of(s, loc2, diag2),
        "FullCovariance", s -> MultivariateNormalFullCovariance.of(s, loc2, full2));
    Map<String, double[][]> qCov = Map.of("Diag", covDiag, "FullCovariance", covFull2);
    for (AbstractRandomVariable<TFloat32> p : sameDistributionThreeWays()) {
      for (var q : qs.entrySet()) {
        double expected = gaussianKl(toDouble(LOC), cov1, toDouble(loc2), qCov.get(q.getKey()));
        float kl = eval(p.klDivergence(q.getValue().apply(scope)).orElseThrow())[0];
        assertEquals(expected, kl, 2e-5 * Math.max(1, expected), p.distributionName() + " || " + q.getKey());
      }
    }
    // The reverse direction from a diagonal normal, and KL(p || p) = 0.
    MultivariateNormalDiag d = MultivariateNormalDiag.of(scope, loc2, diag2);
    assertEquals(gaussianKl(toDouble(loc2), covDiag, toDouble(LOC), cov1),
        eval(d.klDivergence(MultivariateNormalTriL.of(scope, LOC, TRIL)).orElseThrow())[0], 1e-4);
    MultivariateNormalTriL t = MultivariateNormalTriL.of(scope, LOC, TRIL);
    assertEquals(0f, eval(t.klDivergence(t).orElseThrow())[0], 1e-5f);
  }

  @Test
  void klMatchesAMonteCarloEstimate() {
    double[][] cov1 = covarianceOf(TRIL);
    double[][] cov2 = {{2, 0.3, 0}, {0.3, 1, -0.2}, {0, -0.2, 0.8}};
    double[] m2 = {0, 0, 1};
    MultivariateNormalTriL p = MultivariateNormalTriL.of(scope, LOC, TRIL);
    MultivariateNormalFullCovariance q = MultivariateNormalFullCovariance.of(scope, new float[] {0f, 0f, 1f}, toFloat(cov2));
    MultivariateNormalDistribution pRef = new MultivariateNormalDistribution(toDouble(LOC), cov1);
    MultivariateNormalDistribution qRef = new MultivariateNormalDistribution(m2, cov2);
    float kl = eval(p.klDivergence(q).orElseThrow())[0];
    int n = 50_000;
    float[] x = eval(p.sample(n));
    double[] ratios = new double[n];
    for (int r = 0; r < n; r++) {
      double[] xr = {x[3 * r], x[3 * r + 1], x[3 * r + 2]};
      ratios[r] = Math.log(pRef.density(xr)) - Math.log(qRef.density(xr));
    }
    assertWithinStandardErrors("KL(TriL || FullCovariance)", ratios, kl, 6);
  }

  @Test
  void logProbGradientsMatchFiniteDifferences() {
    Operand<TFloat32> x = constant(new long[] {2, 2}, 0.3f, -1f, 2f, 0.5f);
    Placeholder<TFloat32> loc = placeholder(2);
    GradientCheck.assertGradient(ctx, loc,
        MultivariateNormalTriL.of(scope, loc, constant(new long[] {2, 2}, 1f, 0f, 0.5f, 2f)).logProb(x),
        new float[] {0.1f, -0.4f}, 1e-2, 1e-2);
    Placeholder<TFloat32> tril = placeholder(2, 2);
    GradientCheck.assertGradient(ctx, tril, MultivariateNormalTriL.of(scope, vector(0f, 1f), tril).logProb(x),
        new float[] {1.2f, 0f, -0.4f, 0.9f}, 1e-2, 1e-2);
    // The covariance as A A^T + I from a free matrix A, so finite differences stay symmetric.
    Placeholder<TFloat32> a = placeholder(2, 2);
    Operand<TFloat32> cov = tf.math.add(tf.linalg.matMul(a, a, org.tensorflow.op.linalg.MatMul.transposeB(true)),
        constant(new long[] {2, 2}, 1f, 0f, 0f, 1f));
    GradientCheck.assertGradient(ctx, a, MultivariateNormalFullCovariance.of(scope, vector(0f, 1f), cov).logProb(x),
        new float[] {0.7f, -0.3f, 0.2f, 1.1f}, 1e-2, 1e-2);
    Placeholder<TFloat32> u = placeholder(2, 1);
    GradientCheck.assertGradient(ctx, u, MultivariateNormalDiagPlusLowRank.builder(scope).loc(vector(0f, 1f))
        .scaleDiag(vector(1f, 0.5f)).scalePerturbFactor(u).build().logProb(x), new float[] {0.6f, -0.8f}, 1e-2, 1e-2);
  }

  @Test
  void klGradientWithRespectToTheScale() {
    Placeholder<TFloat32> tril = placeholder(2, 2);
    MultivariateNormalTriL p = MultivariateNormalTriL.of(scope, vector(0f, 1f), tril);
    MultivariateNormalDiag q = MultivariateNormalDiag.of(scope, new float[] {1f, 0f}, new float[] {2f, 0.5f});
    GradientCheck.assertGradient(ctx, tril, p.klDivergence(q).orElseThrow(), new float[] {1.2f, 0f, -0.4f, 0.9f}, 1e-2, 1e-2);
  }

  /** Each draw is {@code loc + L eps}: summed over draws, d x_i / d L_ij = sum_r eps_rj (i >= j). */
  @Test
  void drawGradientsAreTheStandardNormalNoise() {
    int n = 1000;
    Placeholder<TFloat32> tril = placeholder(2, 2);
    Placeholder<TFloat32> loc = placeholder(2);
    MultivariateNormalTriL w = MultivariateNormalTriL.builder(scope).loc(loc).scaleTril(tril).sampleShape(n).build();
    assertTrue(w.isReparameterized());
    Operand<TFloat32> total = tf.reduceSum(w, tf.constant(new int[] {0, 1}));
    var grads = tf.gradients(total, List.of(tril, loc));
    Map<Placeholder<TFloat32>, float[]> feeds = new java.util.LinkedHashMap<>();
    float[] l = {1.5f, 0f, 0.4f, 0.8f};
    feeds.put(tril, l);
    feeds.put(loc, new float[] {1f, -1f});
    List<TensorValue> r = evalAll(feeds, List.of(w.value(), grads.<TFloat32>dy(0), grads.<TFloat32>dy(1)));
    float[] x = r.get(0).data();
    double[] epsSum = new double[2];
    for (int s = 0; s < n; s++) {
      double e0 = (x[2 * s] - 1) / l[0];
      double e1 = (x[2 * s + 1] + 1 - l[2] * e0) / l[3];
      epsSum[0] += e0;
      epsSum[1] += e1;
    }
    float[] g = r.get(1).data();
    assertEquals(epsSum[0], g[0], 1e-3 * Math.max(1, Math.abs(epsSum[0])), "d/dL00");
    assertEquals(0f, g[1], "upper triangle is ignored");
    assertEquals(epsSum[0], g[2], 1e-3 * Math.max(1, Math.abs(epsSum[0])), "d/dL10");
    assertEquals(epsSum[1], g[3], 1e-3 * Math.max(1, Math.abs(epsSum[1])), "d/dL11");
    assertArrayEquals(new float[] {n, n}, r.get(2).data(), "d/dloc");
  }

  @Test
  void batchesBroadcastBetweenLocAndScale() {
    MultivariateNormalTriL w = MultivariateNormalTriL.of(scope, constant(new long[] {2, 2}, 0f, 0f, 5f, 5f),
        constant(new long[] {2, 2}, 1f, 0f, 0f, 2f));
    assertArrayEquals(new long[] {2}, w.batchShape().asArray());
    assertArrayEquals(new long[] {2}, w.eventShape().asArray());
    TensorValue lp = ctx.eval(w.logProb(vector(1f, 1f)));
    NormalDistribution a = new NormalDistribution(0, 1);
    NormalDistribution b = new NormalDistribution(0, 2);
    assertClose("rows", new double[] {a.logDensity(1) + b.logDensity(1), a.logDensity(-4) + b.logDensity(-4)}, lp.data());
    assertArrayEquals(new long[] {7, 2, 2}, ctx.eval(w.sample(7)).shape());
    assertArrayEquals(new long[] {2}, ctx.eval(w.entropy()).shape());
  }

  @Test
  void badInputIsRejectedBeforeAnyOp() {
    assertMessage(() -> MultivariateNormalFullCovariance.of(scope, new float[] {0f, 0f}, new float[][] {{1f, 2f}, {2f, 1f}}),
        "`covarianceMatrix` must be positive definite, got a Cholesky pivot of -3.0 at row 1");
    assertMessage(() -> MultivariateNormalFullCovariance.of(scope, new float[] {0f, 0f}, new float[][] {{1f, 0.5f}, {0.2f, 1f}}),
        "`covarianceMatrix` must be symmetric, got 0.2 at [1, 0] and 0.5 at [0, 1]");
    assertMessage(() -> MultivariateNormalTriL.of(scope, new float[] {0f, 0f}, new float[][] {{1f, 0f}, {0.5f, 0f}}),
        "`scaleTril` must have a positive diagonal (a Cholesky factor), got 0.0 at [1, 1]");
    assertMessage(() -> MultivariateNormalTriL.of(scope, new float[] {0f, 0f}, new float[][] {{1f, 0f}, {0.5f}}),
        "`scaleTril` must be a square matrix of 2 rows of 2 values, got row 1 of length 1");
    assertMessage(() -> MultivariateNormalTriL.of(scope, new float[] {0f, 0f, 0f}, new float[][] {{1f, 0f}, {0.5f, 1f}}),
        "`scaleTril` must have event size 3 to match `loc`");
    assertMessage(() -> MultivariateNormalTriL.of(scope, vector(0f, 0f), constant(new long[] {2, 3}, 1f, 0f, 0f, 0f, 1f, 0f)),
        "`scaleTril` must be a square matrix [..., 2, 2], got [2, 3]");
    assertMessage(() -> MultivariateNormalTriL.of(scope, new float[] {Float.NaN, 0f}, new float[][] {{1f, 0f}, {0f, 1f}}),
        "`loc` must be finite, got NaN at flat index 0");
    assertMessage(() -> MultivariateNormalDiagPlusLowRank.builder(scope).loc(new float[] {0f}).scaleDiag(new float[] {-1f}),
        "`scaleDiag` must be positive and finite, got -1.0");
    assertMessage(() -> MultivariateNormalDiagPlusLowRank.builder(scope).loc(new float[] {0f, 0f}).scaleDiag(new float[] {1f, 1f})
        .scalePerturbFactor(new float[][] {{1f}, {1f}}).scalePerturbDiag(new float[] {1f, 1f}).build(),
        "`scalePerturbDiag` must have a last axis of 1 to match the columns of `scalePerturbFactor`, got [2]");
    assertMessage(() -> MultivariateNormalDiagPlusLowRank.builder(scope).loc(new float[] {0f}).build(),
        "`scaleDiag` must be given for MultivariateNormalDiagPlusLowRank");
  }

  @Test
  void withParametersRebuildsEachVariant() {
    MultivariateNormalTriL t = MultivariateNormalTriL.of(scope, LOC, TRIL);
    AbstractRandomVariable<TFloat32> moved = t.withParameters(Map.of("loc", vector(0f, 0f, 0f), "scaleTril", t.scaleTril()));
    assertTrue(moved instanceof MultivariateNormalTriL);
    assertArrayEquals(new float[] {0f, 0f, 0f}, eval(moved.mean()));
    MultivariateNormalFullCovariance f = MultivariateNormalFullCovariance.of(scope, LOC, toFloat(covarianceOf(TRIL)));
    assertTrue(f.withParameters(f.parameters()) instanceof MultivariateNormalFullCovariance);
  }
}
