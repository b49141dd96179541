package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.models.bijectors.Bijector;
import org.edward4j.models.bijectors.Bijectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The class documentation examples of the catalogue (issue 12, part A), copied verbatim so they
 * compile, with the values their comments promise checked (float32 tolerances).
 */
class CatalogueJavadocExamplesTest extends GraphTestBase {

  @Test
  void heavyTailedAndHalfFamilies() {
    Cauchy c = Cauchy.of(scope, 0.0, 2.0);
    Operand<TFloat32> q = c.cdf(c); // U(0, 1) by the probability integral transform
    float u = eval(q)[0];
    assertTrue(u > 0 && u < 1);
    HalfCauchy tau = HalfCauchy.of(scope, 0.0, 1.0);
    Operand<TFloat32> median = tau.scale(); // P(tau <= scale) = 1/2
    assertEquals(0.5f, eval(tau.cdf(median))[0], 1e-6f);
    HalfNormal sigma = HalfNormal.of(scope, 2.0);
    Operand<TFloat32> mean = sigma.mean(); // 2 sqrt(2 / pi)
    assertEquals(2 * Math.sqrt(2 / Math.PI), eval(mean)[0], 1e-6);
    StudentT noise = StudentT.of(scope, 4.0, 0.0, 1.0);
    Operand<TFloat32> var = noise.variance(); // 4 / (4 - 2) = 2
    assertEquals(2f, eval(var)[0], 1e-6f);
  }

  @Test
  void locationScaleAndPositiveFamilies() {
    Chi2 c = Chi2.of(scope, 3.0);
    Operand<TFloat32> mean = c.mean(); // 3
    assertEquals(3f, eval(mean)[0]);
    Gumbel g = Gumbel.of(scope, 0.0, 1.0);
    Operand<TFloat32> mode = g.mode(); // 0
    assertEquals(0f, eval(mode)[0]);
    Logistic l = Logistic.of(scope, 1.0, 0.5);
    Operand<TFloat32> half = l.cdf(l.loc()); // 0.5
    assertEquals(0.5f, eval(half)[0], 1e-7f);
    LogNormal income = LogNormal.of(scope, 10.0, 0.5);
    Operand<TFloat32> p = income.cdf(income.mode()); // below 1/2: the mode is under the median
    assertTrue(eval(p)[0] < 0.5f);
    InverseGamma variance = InverseGamma.of(scope, 3.0, 2.0);
    Operand<TFloat32> igMean = variance.mean(); // 2 / (3 - 1) = 1
    assertEquals(1f, eval(igMean)[0], 1e-6f);
  }

  @Test
  void boundedAndCircularFamilies() {
    Kumaraswamy k = Kumaraswamy.of(scope, 2.0, 5.0);
    Operand<TFloat32> m = k.mean(); // 5 B(1.5, 5)
    assertEquals(5 * Math.exp(org.apache.commons.math3.special.Beta.logBeta(1.5, 5)), eval(m)[0], 1e-6);
    VonMises angle = VonMises.of(scope, 0.5, 4.0);
    Operand<TFloat32> spread = angle.variance(); // 1 - I1(4) / I0(4)
    double i0 = ReferenceDistributions.besselI0(4);
    double i1 = 0;
    double term = 2; // I1(4) = sum (k/2)^(2j+1) / (j! (j+1)!)
    for (int j = 0; j < 100; j++) {
      i1 += term;
      term *= 4.0 / ((j + 1) * (j + 2));
    }
    assertEquals(1 - i1 / i0, eval(spread)[0], 1e-5);
    Deterministic d = Deterministic.builder(scope).loc(2.0).atol(1e-3).build();
    Operand<TFloat32> lp = d.logProb(tf.constant(2.0005f)); // 0
    assertEquals(0f, eval(lp)[0]);
  }

  @Test
  void transformedDistributionsAndBijectors() {
    Normal base = Normal.of(scope, 0.0, 1.0);
    TransformedDistribution logNormal = TransformedDistribution.of(scope, base, Bijectors.exp());
    Operand<TFloat32> lp = logNormal.logProb(tf.constant(1.0f)); // log N(0; 0, 1)
    assertEquals(-0.5 * Math.log(2 * Math.PI), eval(lp)[0], 1e-6);
    Bijector exp = Bijectors.exp();
    Operand<TFloat32> y = exp.forward(tf, tf.constant(0f));   // 1
    Operand<TFloat32> x = exp.inverse(tf, y);                  // 0
    assertEquals(1f, eval(y)[0]);
    assertEquals(0f, eval(x)[0]);
    Bijector toPositive = Bijectors.softplus();
    Bijector standardize = Bijectors.affine(-3.0, 0.5); // y = -3 + 0.5 x
    assertEquals(-2f, eval(standardize.forward(tf, tf.constant(2f)))[0]);
    assertEquals((float) Math.log(2), eval(toPositive.forward(tf, tf.constant(0f)))[0], 1e-7f);
  }

  @Test
  void operatorsAndCustomFamilies() {
    Normal z = Normal.of(scope, 0.0, 1.0);
    Operand<TFloat32> x = Operators.add(Operators.mul(z, 2.0), 1.0);   // Edward: x = 2 * z + 1
    Operand<TBool> positive = Operators.greater(z, 0.0);              // Edward: z > 0
    var r = ctx.evalAll(java.util.List.of(z, x, tf.dtypes.cast(positive, TFloat32.class)), java.util.Map.of());
    assertEquals(2 * r.get(0).scalar() + 1, r.get(1).scalar(), 1e-6f);
    assertEquals(r.get(0).scalar() > 0 ? 1f : 0f, r.get(2).scalar());
    CustomFamily laplace = CustomFamilyTest.laplaceFamily();
    CustomRandomVariable cx = laplace.builder(scope).set("loc", 0.0).set("scale", 2.0).build();
    Operand<TFloat32> clp = cx.logProb(cx);
    assertTrue(Float.isFinite(eval(clp)[0]));
  }
}
