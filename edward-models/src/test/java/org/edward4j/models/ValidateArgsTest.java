package org.edward4j.models;

import static org.edward4j.models.LogProbTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The builders' {@code validateArgs} option (TensorFlow Probability's {@code validate_args}) on
 * both branches, against closed forms written here, and the Student's t normalizer folded in Java
 * when {@code df} is a constant.
 */
class ValidateArgsTest extends GraphTestBase {

  static final float[] A = {0.8f, 2f, 3.5f};

  /** Points on the simplex, then one off it (sum 0.9), then one with a negative coordinate. */
  static final float[] X = {0.2f, 0.3f, 0.5f, 0.6f, 0.1f, 0.3f, 0.2f, 0.3f, 0.4f, -0.1f, 0.6f, 0.5f};

  @Test
  void validationIsOnByDefaultAndCarriedByWithParameters() {
    Dirichlet checked = Dirichlet.of(scope, A);
    Dirichlet unchecked = Dirichlet.builder(scope).concentration(A).validateArgs(false).build();
    assertTrue(checked.validateArgs());
    assertFalse(unchecked.validateArgs());
    assertTrue(unchecked.toString().contains("validateArgs=false"), unchecked.toString());
    AbstractRandomVariable<TFloat32> copy = unchecked.withParameters(Map.of("concentration", vector(1f, 2f, 3f)));
    assertFalse(copy.validateArgs());
  }

  /** With validation: the closed form on the simplex, -inf off it and for a negative coordinate (never NaN). */
  @Test
  void checkedDirichletGivesMinusInfinityOffTheSimplex() {
    Dirichlet d = Dirichlet.of(scope, A);
    double[] expected = {density(0), density(1), Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    assertClose("checked Dirichlet", expected, eval(d.logProb(constant(new long[] {4, 3}, X))));
  }

  /**
   * Without validation: the same closed form on the simplex, the formula's finite value off it (the
   * caller's promise broken, nothing checked), NaN for a negative coordinate.
   */
  @Test
  void uncheckedDirichletEvaluatesTheBareFormula() {
    Dirichlet d = Dirichlet.builder(scope).concentration(A).validateArgs(false).build();
    float[] lp = eval(d.logProb(constant(new long[] {4, 3}, X)));
    assertClose("unchecked Dirichlet", new double[] {density(0), density(1), density(2)}, new float[] {lp[0], lp[1], lp[2]});
    assertTrue(Float.isNaN(lp[3]), "a negative coordinate: " + lp[3]);
  }

  /** Batched concentrations take the elementwise form (no matrix product); both rows by the closed form. */
  @Test
  void uncheckedDirichletWithABatchMatchesTheClosedForm() {
    float[] a = {0.8f, 2f, 3.5f, 1.5f, 1.5f, 4f};
    Dirichlet d = Dirichlet.builder(scope).concentration(constant(new long[] {2, 3}, a)).validateArgs(false).build();
    float[] lp = eval(d.logProb(constant(new long[] {2, 3}, 0.2f, 0.3f, 0.5f, 0.6f, 0.1f, 0.3f)));
    double[] expected = {
        DirichletTest.logDensity(new double[] {0.8, 2, 3.5}, new double[] {0.2f, 0.3f, 0.5f}),
        DirichletTest.logDensity(new double[] {1.5, 1.5, 4}, new double[] {0.6f, 0.1f, 0.3f})};
    assertClose("batched unchecked Dirichlet", expected, lp);
  }

  /** Sample shape [2, 2] in front of the event: the matrix-product form reshapes back to [2, 2]. */
  @Test
  void uncheckedDirichletKeepsTheSampleShape() {
    Dirichlet d = Dirichlet.builder(scope).concentration(A).validateArgs(false).build();
    Operand<TFloat32> lp = d.logProb(constant(new long[] {2, 2, 3}, 0.2f, 0.3f, 0.5f, 0.6f, 0.1f, 0.3f,
        0.6f, 0.1f, 0.3f, 0.2f, 0.3f, 0.5f));
    assertEquals(List.of(2L, 2L), java.util.Arrays.stream(lp.shape().asArray()).boxed().toList());
    assertClose("sample-shaped", new double[] {density(0), density(1), density(1), density(0)}, eval(lp));
  }

  /**
   * A zero coordinate where {@code a_i = 1}: the checked form leaves the term out (xlogy), as the
   * density's limit does; {@code a_i > 1} gives -inf either way.
   */
  @Test
  void zeroCoordinates() {
    float[] a = {1f, 2f, 3f};
    Dirichlet checked = Dirichlet.of(scope, a);
    Dirichlet unchecked = Dirichlet.builder(scope).concentration(a).validateArgs(false).build();
    Operand<TFloat32> x = constant(new long[] {2, 3}, 0f, 0.4f, 0.6f, 0.4f, 0f, 0.6f);
    float[] c = eval(checked.logProb(x));
    float[] u = eval(unchecked.logProb(x));
    double lgammaTerms = Families.logGamma(6) - Families.logGamma(1) - Families.logGamma(2) - Families.logGamma(3);
    assertEquals(Math.log(0.4f) + 2 * Math.log(0.6f) + lgammaTerms, c[0], 1e-5);
    assertEquals(Float.NEGATIVE_INFINITY, c[1]);
    assertEquals(Float.NEGATIVE_INFINITY, u[1]);
  }

  /** The fused Xlogy's registered gradient (checked form) and the matrix product's, by finite differences. */
  @Test
  void gradientsInConcentrationAndValueMatchFiniteDifferences() {
    Operand<TFloat32> x = constant(new long[] {2, 3}, 0.2f, 0.3f, 0.5f, 0.6f, 0.1f, 0.3f);
    for (boolean validate : new boolean[] {true, false}) {
      Placeholder<TFloat32> a = placeholder(3);
      Dirichlet d = Dirichlet.builder(scope).concentration(a).validateArgs(validate).build();
      GradientCheck.assertGradient(ctx, a, d.logProb(x), A, 1e-2, 1e-2);
      Placeholder<TFloat32> xp = placeholder(2, 3);
      Dirichlet e = Dirichlet.builder(scope).concentration(A).validateArgs(validate).build();
      // Off-simplex moves of size h are fine without validation; with it the tolerance 1e-3 on the sum admits them.
      GradientCheck.assertGradient(ctx, xp, e.logProb(xp), new float[] {0.2f, 0.3f, 0.5f, 0.6f, 0.1f, 0.3f}, 1e-4, 1e-2);
    }
  }

  /** The analytic gradient in the concentration, {@code log x_i - digamma(a_i) + digamma(a_0)}, for both branches. */
  @Test
  void concentrationGradientMatchesTheClosedForm() {
    float[] x = {0.2f, 0.3f, 0.5f};
    for (boolean validate : new boolean[] {true, false}) {
      Placeholder<TFloat32> a = placeholder(3);
      Dirichlet d = Dirichlet.builder(scope).concentration(a).validateArgs(validate).build();
      Operand<TFloat32> grad = tf.gradients(d.logProb(vector(x)), List.of(a)).dy(0);
      float[] g = evalAll(Map.of(a, A), List.of(grad)).get(0).data();
      double a0 = A[0] + A[1] + A[2];
      for (int i = 0; i < 3; i++) {
        double expected = Math.log(x[i]) - Gamma.digamma(A[i]) + Gamma.digamma(a0);
        assertEquals(expected, g[i], 1e-4 * Math.max(1, Math.abs(expected)), "validate=" + validate + " at " + i);
      }
    }
  }

  /** The double-precision normalizer against commons-math's lgamma where their difference is exact. */
  @Test
  void studentTNormalizerMatchesLgammaDifferences() {
    for (double v : new double[] {1e-3, 0.5, 1, 3, 4, 7.3, 19, 20, 25, 60}) {
      double expected = Gamma.logGamma((v + 1) / 2) - Gamma.logGamma(v / 2) - 0.5 * Math.log(v * Math.PI);
      assertEquals(expected, StudentT.logNormalizer(v), 1e-11 * Math.max(1, Math.abs(expected)), "df " + v);
    }
  }

  /**
   * For large {@code df} the normalizer tends to the normal's {@code -log(2 pi) / 2}, the next term
   * being {@code -1 / (4 df)} (Stirling); subtracting lgammas of 1e15 would lose every digit.
   */
  @Test
  void studentTNormalizerIsExactForLargeDf() {
    for (double v : new double[] {1e4, 1e6, 1e10, 1e30}) {
      double expected = -0.5 * Math.log(2 * Math.PI) - 1 / (4 * v);
      assertEquals(expected, StudentT.logNormalizer(v), 1e-12, "df " + v);
    }
  }

  /** A constant df (folded in Java) and a fed df (the graph's formula) give the same closed-form density. */
  @Test
  void studentTLogProbAgreesForConstantAndFedDf() {
    float[] x = {-3f, -0.4f, 0.5f, 2f, 9f};
    for (double v : new double[] {0.7, 4, 1e6}) {
      StudentT folded = StudentT.of(scope, v, 0.5, 2.0);
      Placeholder<TFloat32> df = placeholder();
      StudentT fed = StudentT.builder(scope).df(df).loc(0.5).scale(2.0).build();
      double[] expected = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double z = (x[i] - 0.5) / 2;
        double vv = (float) v;
        expected[i] = Gamma.logGamma((vv + 1) / 2) - Gamma.logGamma(vv / 2) - 0.5 * Math.log(vv * Math.PI) - Math.log(2)
            - (vv + 1) / 2 * Math.log1p(z * z / vv);
        if (v > 1e5) {
          // lgamma differences lose digits here; the normal limit with its 1/df correction is exact enough.
          expected[i] = -0.5 * Math.log(2 * Math.PI) - 1 / (4 * vv) - Math.log(2) - (vv + 1) / 2 * Math.log1p(z * z / vv);
        }
      }
      assertClose("folded df " + v, expected, eval(folded.logProb(vector(x))));
      float[] fedLp = evalAll(Map.of(df, new float[] {(float) v}), List.of(fed.logProb(vector(x)))).get(0).data();
      assertClose("fed df " + v, expected, fedLp);
    }
  }

  private static double density(int row) {
    return DirichletTest.logDensity(new double[] {A[0], A[1], A[2]},
        new double[] {X[3 * row], X[3 * row + 1], X[3 * row + 2]});
  }
}
