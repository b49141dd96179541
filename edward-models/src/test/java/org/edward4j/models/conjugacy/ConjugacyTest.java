package org.edward4j.models.conjugacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Binomial;
import org.edward4j.models.Categorical;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Exponential;
import org.edward4j.models.Gamma;
import org.edward4j.models.InverseGamma;
import org.edward4j.models.Multinomial;
import org.edward4j.models.Normal;
import org.edward4j.models.ParamMixture;
import org.edward4j.models.Poisson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code tests/inferences/conjugacy_test.py}, wiring for wiring, with the posterior
 * parameters written out independently from the textbook updates; then several children, batches
 * and the refusals. Tolerances: the updates are sums of at most a few dozen float32 terms, so a
 * relative error of 1e-5 (about 100 ulps) is generous and an off-by-one count is far outside it.
 */
class ConjugacyTest {

  private static final double TOL = 1e-5;

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(127832L);
    scope = ctx.scope("model");
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private float[] eval(Operand<TFloat32> x, Map<Operand<?>, Object> feeds) {
    return ctx.eval(x, feeds).data();
  }

  private static void assertClose(double expected, float actual) {
    assertEquals(expected, actual, TOL * Math.max(1.0, Math.abs(expected)));
  }

  private static void assertAllClose(double[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, "length");
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i]);
    }
  }

  private static Operand<TFloat32> param(RandomVariable<?> rv, String name) {
    return rv.parameters().get(name);
  }

  // --- Edward's tests

  @Test
  void basicBernoulliMissingAndIncompleteBlanket() {
    Bernoulli<TInt32> z = Bernoulli.builder(scope).probs(0.75).sampleShape(10).build();
    for (RandomVariable<TInt32> cond : List.of(Conjugacy.completeConditional(z, List.of(z)),
        Conjugacy.completeConditional(z, List.of()), Conjugacy.completeConditional(z))) {
      assertEquals("Bernoulli", cond.distributionName());
      float[] p = eval(param(cond, "probs"), Map.of());
      assertEquals(10, p.length);
      for (float v : p) {
        assertClose(0.75, v);
      }
    }
  }

  @Test
  void blanketChanges() {
    Dirichlet pi = Dirichlet.of(scope, new float[] {1f, 1f, 1f});
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Categorical<TInt32> z = Categorical.ofProbs(scope, pi);
    RandomVariable<TFloat32> c1 = Conjugacy.completeConditional(pi, List.of(z, pi));
    RandomVariable<TFloat32> c2 = Conjugacy.completeConditional(pi, List.of(z, mu, pi));
    assertEquals("Dirichlet", c1.distributionName());
    assertEquals("Dirichlet", c2.distributionName());
    Map<Operand<?>, Object> feeds = Map.of(z, new int[] {2});
    assertArrayEquals(new float[] {1f, 1f, 2f}, eval(param(c1, "concentration"), feeds), 1e-6f);
    assertArrayEquals(eval(param(c1, "concentration"), feeds), eval(param(c2, "concentration"), feeds), 1e-6f);
  }

  @Test
  void betaBernoulli() {
    int[] xData = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
    double a0 = 0.5;
    double b0 = 1.5;
    Beta pi = Beta.of(scope, a0, b0);
    Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(pi).sampleShape(10).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(pi, List.of(pi, x));
    assertEquals("Beta", cond.distributionName());
    assertClose(a0 + 2, eval(param(cond, "concentration1"), Map.of(x, xData))[0]);
    assertClose(b0 + 8, eval(param(cond, "concentration0"), Map.of(x, xData))[0]);
  }

  @Test
  void betaBinomial() {
    double a0 = 0.5;
    double b0 = 1.5;
    Beta pi = Beta.of(scope, a0, b0);
    Binomial<TFloat32> x = Binomial.builder(scope).totalCount(10).probs(pi).value(tf.constant(0f)).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(pi, List.of(pi, x));
    assertEquals("Beta", cond.distributionName());
    Map<Operand<?>, Object> feeds = Map.of(x, new TensorValue(new long[0], new float[] {2f}));
    assertClose(a0 + 2, eval(param(cond, "concentration1"), feeds)[0]);
    assertClose(b0 + 10 - 2, eval(param(cond, "concentration0"), feeds)[0]);
  }

  @Test
  void gammaExponential() {
    float[] xData = {0.1f, 0.5f, 3.3f, 2.7f};
    Gamma lam = Gamma.of(scope, 0.5, 1.75);
    Exponential x = Exponential.builder(scope).rate(lam).sampleShape(4).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(lam, List.of(lam, x));
    assertEquals("Gamma", cond.distributionName());
    assertClose(0.5 + 4, eval(param(cond, "concentration"), Map.of(x, xData))[0]);
    assertClose(1.75 + 6.6, eval(param(cond, "rate"), Map.of(x, xData))[0]);
  }

  @Test
  void gammaPoisson() {
    float[] xData = {0, 1, 0, 7, 0, 0, 2, 0, 0, 1};
    Gamma lam = Gamma.of(scope, 0.5, 1.75);
    Poisson<TFloat32> x = Poisson.builder(scope).rate(lam).sampleShape(10).value(tf.zeros(tf.constant(new int[] {10}), TFloat32.class)).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(lam, List.of(lam, x));
    assertEquals("Gamma", cond.distributionName());
    assertClose(0.5 + 11, eval(param(cond, "concentration"), Map.of(x, xData))[0]);
    assertClose(1.75 + 10, eval(param(cond, "rate"), Map.of(x, xData))[0]);
  }

  @Test
  void gammaGammaAndMulRateGamma() {
    float[] xData = {0.1f, 0.5f, 3.3f, 2.7f};
    double k = 2.3;
    Gamma beta = Gamma.of(scope, 0.5, 1.75);
    Gamma x = Gamma.builder(scope).concentration(k).rate(beta).sampleShape(4).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(beta, List.of(beta, x));
    assertClose(0.5 + k * 4, eval(param(cond, "concentration"), Map.of(x, xData))[0]);
    assertClose(1.75 + 6.6, eval(param(cond, "rate"), Map.of(x, xData))[0]);

    Gamma beta2 = Gamma.of(scope, 0.5, 1.75);
    Gamma x2 = Gamma.builder(scope).concentration(k).rate(tf.math.mul(tf.constant((float) k), beta2)).sampleShape(4).build();
    RandomVariable<TFloat32> cond2 = Conjugacy.completeConditional(beta2, List.of(beta2, x2));
    assertClose(0.5 + k * 4, eval(param(cond2, "concentration"), Map.of(x2, xData))[0]);
    assertClose(1.75 + k * 6.6, eval(param(cond2, "rate"), Map.of(x2, xData))[0]);
  }

  @Test
  void normalNormalAndScaled() {
    float[] xData = {0.1f, 0.5f, 3.3f, 2.7f};
    double sum = 6.6;
    double mu0 = 0.3;
    double sigma0 = 2.1;
    double sigmaLik = 1.2;
    for (double c : new double[] {1.0, 2.0}) {
      Normal mu = Normal.of(scope, mu0, sigma0);
      Operand<TFloat32> loc = c == 1.0 ? mu : tf.math.mul(tf.constant((float) c), mu);
      Normal x = Normal.builder(scope).loc(loc).scale(sigmaLik).sampleShape(4).build();
      RandomVariable<TFloat32> cond = Conjugacy.completeConditional(mu, List.of(mu, x));
      assertEquals("Normal", cond.distributionName());
      double var = 1.0 / (1.0 / (sigma0 * sigma0) + c * c * 4 / (sigmaLik * sigmaLik));
      assertClose(Math.sqrt(var), eval(param(cond, "scale"), Map.of(x, xData))[0]);
      assertClose(var * (mu0 / (sigma0 * sigma0) + c * sum / (sigmaLik * sigmaLik)),
          eval(param(cond, "loc"), Map.of(x, xData))[0]);
    }
  }

  @Test
  void inverseGammaNormal() {
    float[] xData = {0.1f, 0.5f, 3.3f, 2.7f};
    double loc = 0.3;
    InverseGamma sigmasq = InverseGamma.of(scope, 1.3, 2.1);
    Normal x = Normal.builder(scope).loc(loc).scale(tf.math.sqrt(sigmasq)).sampleShape(4).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(sigmasq, List.of(sigmasq, x));
    assertEquals("InverseGamma", cond.distributionName());
    double ss = 0;
    for (float v : xData) {
      ss += (v - loc) * (v - loc);
    }
    assertClose(1.3 + 0.5 * 4, eval(param(cond, "concentration"), Map.of(x, xData))[0]);
    assertClose(2.1 + 0.5 * ss, eval(param(cond, "rate"), Map.of(x, xData))[0]);
  }

  @Test
  void dirichletCategorical() {
    int[] xData = {0, 0, 0, 0, 1, 1, 1, 2, 2, 3};
    Dirichlet theta = Dirichlet.of(scope, new float[] {2f, 2f, 2f, 2f});
    Categorical<TInt32> x = Categorical.builder(scope).probs(theta).sampleShape(10).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(theta, List.of(theta, x));
    assertAllClose(new double[] {6, 5, 4, 3}, eval(param(cond, "concentration"), Map.of(x, xData)));
  }

  @Test
  void dirichletMultinomial() {
    Dirichlet theta = Dirichlet.of(scope, new float[] {2f, 2f, 2f, 2f});
    Multinomial<TFloat32> x = Multinomial.of(scope, tf.constant(10f), theta);
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(theta, List.of(theta, x));
    assertAllClose(new double[] {6, 5, 4, 3}, eval(param(cond, "concentration"), Map.of(x, new float[] {4, 3, 2, 1})));
  }

  @Test
  void mixtureOfGaussians() {
    float[] xVal = {1.1f, 1.2f, 2.1f, 4.4f, 5.5f, 7.3f, 6.8f};
    int[] zVal = {0, 0, 0, 1, 1, 2, 2};
    float[] piVal = {0.2f, 0.3f, 0.5f};
    float[] muVal = {1.0f, 5.0f, 7.0f};
    int n = xVal.length;
    int k = 3;
    double sigmasq = 4.0;
    Dirichlet pi = Dirichlet.of(scope, new float[] {1.3f, 1.3f, 1.3f});
    Normal mu = Normal.builder(scope).loc(0.0).scale(4.0).sampleShape(k).build();
    ParamMixture<TFloat32> x = ParamMixture.builder(scope).mixingWeights(pi)
        .components(Normal::builder, Map.of("loc", mu, "scale", tf.math.sqrt(tf.constant((float) sigmasq))))
        .sampleShape(n).build();
    Categorical<TInt32> z = x.cat();
    RandomVariable<TFloat32> muCond = Conjugacy.completeConditional(mu);
    RandomVariable<TFloat32> piCond = Conjugacy.completeConditional(pi);
    RandomVariable<TInt32> zCond = Conjugacy.completeConditional(z);
    Map<Operand<?>, Object> feeds = new LinkedHashMap<>();
    feeds.put(z, zVal);
    feeds.put(x, xVal);
    feeds.put(pi, piVal);
    feeds.put(mu, muVal);
    assertAllClose(new double[] {1.3 + 3, 1.3 + 2, 1.3 + 2}, eval(param(piCond, "concentration"), feeds));
    float[] muLoc = eval(param(muCond, "loc"), feeds);
    float[] muScale = eval(param(muCond, "scale"), feeds);
    for (int j = 0; j < k; j++) {
      int count = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (zVal[i] == j) {
          count++;
          sum += xVal[i];
        }
      }
      double var = 1.0 / (1.0 / 16.0 + count / sigmasq);
      assertClose(Math.sqrt(var), muScale[j]);
      assertClose(var * sum / sigmasq, muLoc[j]);
    }
    assertEquals("Categorical", zCond.distributionName());
    float[] logits = eval(param(zCond, "logits"), feeds);
    for (int i = 0; i < n; i++) {
      double[] lp = new double[k];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        lp[j] = Math.log(piVal[j]) - 0.5 / sigmasq * (xVal[i] - muVal[j]) * (xVal[i] - muVal[j]);
        max = Math.max(max, lp[j]);
      }
      double norm = 0;
      double lmax = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        norm += Math.exp(lp[j] - max);
        lmax = Math.max(lmax, logits[i * k + j]);
      }
      double lnorm = 0;
      for (int j = 0; j < k; j++) {
        lnorm += Math.exp(logits[i * k + j] - lmax);
      }
      for (int j = 0; j < k; j++) {
        assertEquals(Math.exp(lp[j] - max) / norm, Math.exp(logits[i * k + j] - lmax) / lnorm, 1e-5);
      }
    }
  }

  /** The model of Edward's mixture_gaussian_gibbs.py: per-component variances with InverseGamma priors. */
  @Test
  void mixtureComponentVariances() {
    float[] xVal = {-9.5f, -10.2f, 0.4f, 1.9f, -0.7f, 10.5f, 8.1f, 11.0f};
    int[] zVal = {0, 0, 1, 1, 1, 2, 2, 2};
    float[] muVal = {-10f, 0f, 10f};
    float[] sigmasqVal = {1f, 4f, 9f};
    int k = 3;
    Dirichlet pi = Dirichlet.of(scope, new float[] {1f, 1f, 1f});
    Normal mu = Normal.builder(scope).loc(0.0).scale(8.0).sampleShape(k).build();
    InverseGamma sigmasq = InverseGamma.builder(scope).concentration(1.0).rate(2.0).sampleShape(k).build();
    ParamMixture<TFloat32> x = ParamMixture.builder(scope).mixingWeights(pi)
        .components(Normal::builder, Map.of("loc", mu, "scale", tf.math.sqrt(sigmasq))).sampleShape(xVal.length).build();
    RandomVariable<TFloat32> vCond = Conjugacy.completeConditional(sigmasq);
    RandomVariable<TFloat32> muCond = Conjugacy.completeConditional(mu);
    Map<Operand<?>, Object> feeds = new LinkedHashMap<>();
    feeds.put(x.cat(), zVal);
    feeds.put(x, xVal);
    feeds.put(mu, muVal);
    feeds.put(sigmasq, sigmasqVal);
    float[] alpha = eval(param(vCond, "concentration"), feeds);
    float[] beta = eval(param(vCond, "rate"), feeds);
    float[] muScale = eval(param(muCond, "scale"), feeds);
    for (int j = 0; j < k; j++) {
      int count = 0;
      double ss = 0;
      for (int i = 0; i < xVal.length; i++) {
        if (zVal[i] == j) {
          count++;
          ss += (xVal[i] - muVal[j]) * (xVal[i] - muVal[j]);
        }
      }
      assertClose(1.0 + 0.5 * count, alpha[j]);
      assertClose(2.0 + 0.5 * ss, beta[j]);
      assertClose(1 / Math.sqrt(1 / 64.0 + count / sigmasqVal[j]), muScale[j]);
    }
  }

  // --- beyond Edward's tests: several children, batches, refusals

  /**
   * z ~ N(m, s) of sample shape [3]; x1 ~ N(2 z[idx] + 1, 0.5) reads z through a gather, x2 ~ N(z, 1.5)
   * of shape [4, 3] broadcasts it: each z[k] collects its own points of both children.
   */
  @Test
  void normalNormalSeveralChildrenBatched() {
    Normal z = Normal.builder(scope).loc(0.5).scale(2.0).sampleShape(3).build();
    int[] idx = {0, 2, 2, 1, 0};
    Operand<TFloat32> gathered = tf.gather(z, tf.constant(idx), tf.constant(0));
    Normal x1 = Normal.builder(scope).loc(tf.math.add(tf.math.mul(tf.constant(2f), gathered), tf.constant(1f)))
        .scale(0.5).build();
    Normal x2 = Normal.builder(scope).loc(z).scale(1.5).sampleShape(4).build();
    RandomVariable<TFloat32> cond = Conjugacy.completeConditional(z);
    float[] x1Data = {1.0f, -2.0f, 0.5f, 3.0f, 2.5f};
    float[] x2Data = new float[12];
    for (int i = 0; i < 12; i++) {
      x2Data[i] = (float) Math.sin(i + 1.0);
    }
    Map<Operand<?>, Object> feeds = new LinkedHashMap<>();
    feeds.put(x1, x1Data);
    feeds.put(x2, new TensorValue(new long[] {4, 3}, x2Data));
    float[] loc = eval(param(cond, "loc"), feeds);
    float[] scale = eval(param(cond, "scale"), feeds);
    for (int k = 0; k < 3; k++) {
      double prec = 1 / 4.0;
      double eta = 0.5 / 4.0;
      for (int n = 0; n < idx.length; n++) {
        if (idx[n] == k) {
          prec += 4.0 / 0.25;
          eta += 2.0 * (x1Data[n] - 1.0) / 0.25;
        }
      }
      for (int r = 0; r < 4; r++) {
        prec += 1 / 2.25;
        eta += x2Data[r * 3 + k] / 2.25;
      }
      assertClose(1 / Math.sqrt(prec), scale[k]);
      assertClose(eta / prec, loc[k]);
    }
  }

  @Test
  void refusesNonlinearLoc() {
    Normal z = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(tf.math.tanh(z)).scale(1.0).build();
    NoConjugateFormException e = assertThrows(NoConjugateFormException.class,
        () -> Conjugacy.completeConditional(z, List.of(x)));
    assertTrue(e.getMessage().contains(z.name()) && e.getMessage().contains(x.name())
        && e.getMessage().contains("Tanh") && e.getMessage().contains("loc"), e.getMessage());
    assertEquals(z.name(), e.variable());
  }

  @Test
  void refusesLatentInScaleAndUnsupportedChildAndPlainScale() {
    Normal z = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(0.0).scale(tf.math.exp(z)).build();
    NoConjugateFormException e1 = assertThrows(NoConjugateFormException.class, () -> Conjugacy.completeConditional(z));
    assertTrue(e1.getMessage().contains("scale"), e1.getMessage());

    Gamma lam = Gamma.of(scope, 1.0, 1.0);
    Normal y = Normal.builder(scope).loc(lam).scale(1.0).build();
    NoConjugateFormException e2 = assertThrows(NoConjugateFormException.class, () -> Conjugacy.completeConditional(lam));
    assertTrue(e2.getMessage().contains("Poisson, Exponential or Gamma") && e2.getMessage().contains(y.name()),
        e2.getMessage());

    InverseGamma v = InverseGamma.of(scope, 1.0, 1.0);
    Normal w = Normal.builder(scope).loc(0.0).scale(v).build();
    NoConjugateFormException e3 = assertThrows(NoConjugateFormException.class, () -> Conjugacy.completeConditional(v));
    assertTrue(e3.getMessage().contains("sqrt") && e3.getMessage().contains(w.name()), e3.getMessage());

    Beta p = Beta.of(scope, 1.0, 1.0);
    Bernoulli<TInt32> b = Bernoulli.builder(scope).probs(tf.math.mul(tf.constant(0.5f), p)).build();
    NoConjugateFormException e4 = assertThrows(NoConjugateFormException.class, () -> Conjugacy.completeConditional(p));
    assertTrue(e4.getMessage().contains("probs") && e4.getMessage().contains(b.name()), e4.getMessage());
  }

  @Test
  void refusesCategoricalLatentOutsideMixturesAndNullArguments() {
    Categorical<TInt32> c = Categorical.ofProbs(scope, new float[] {0.5f, 0.5f});
    Normal x = Normal.builder(scope).loc(tf.dtypes.cast(c, TFloat32.class)).scale(1.0).build();
    NoConjugateFormException e = assertThrows(NoConjugateFormException.class, () -> Conjugacy.completeConditional(c));
    assertTrue(e.getMessage().contains("ParamMixture") && e.getMessage().contains(x.name()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Conjugacy.completeConditional(null));
    assertThrows(IllegalArgumentException.class, () -> Conjugacy.completeConditional(x, java.util.Arrays.asList(x, null)));
  }
}
