package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Names, shapes, observed values, parameters, dtypes, {@code withParameters} and {@code toString}. */
class ApiTest extends GraphTestBase {

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.AllFamilies#all")
  void everyFamilyNamesItsOpsUnderItsUniqueName(AllFamilies.Maker m) {
    AbstractRandomVariable<?> first = m.build().apply(scope);
    AbstractRandomVariable<?> second = m.build().apply(scope);
    assertEquals("test/" + m.label(), first.name());
    assertEquals("test/" + m.label() + "_1", second.name());
    assertEquals(m.label(), first.distributionName());
    assertEquals(first.name() + "/value", first.op().name());
    if (!m.label().equals("DirichletProcess")) { // the one family without a density
      assertTrue(first.logProb(first).op().name().startsWith(first.name() + "/log_prob/"), first.logProb(first).op().name());
    }
    assertTrue(first.sample(2).op().name().startsWith(first.name() + "/sample_1/"));
    assertEquals(m.reparameterized(), first.isReparameterized());
    for (Iterator<GraphOperation> it = ctx.graph().operations(); it.hasNext(); ) {
      String op = it.next().name();
      // The context's random-step placeholder is shared by every stateless random op, at the root.
      assertTrue(op.startsWith("test/") || op.equals("edward4j_random_step"), "op outside the scope: " + op);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.AllFamilies#all")
  void withParametersBuildsTheSameFamilyOverNewTensors(AllFamilies.Maker m) {
    AbstractRandomVariable<?> rv = m.build().apply(scope);
    Map<String, Operand<TFloat32>> doubled = new java.util.LinkedHashMap<>();
    rv.parameters().forEach((k, v) -> doubled.put(k, k.equals("probs") ? v : tf.math.mul(v, scalar(2))));
    AbstractRandomVariable<?> copy = rv.withParameters(doubled);
    assertSame(rv.getClass(), copy.getClass());
    assertEquals(rv.dtype(), copy.dtype());
    assertEquals(rv.shapes(), copy.shapes());
    assertEquals(List.copyOf(rv.parameters().keySet()), List.copyOf(copy.parameters().keySet()));
    doubled.forEach((k, v) -> assertSame(v, copy.parameters().get(k), k));
    assertEquals("test/" + m.label() + "_1", copy.name());
  }

  @Test
  void userNamesAreMadeUniqueLikeNameScopes() {
    Normal z = Normal.builder(scope).loc(0).scale(1).name("z").build();
    Normal z1 = Normal.builder(scope).loc(0).scale(1).name("z").build();
    assertEquals("test/z", z.name());
    assertEquals("test/z_1", z1.name());
    assertEquals("test/z_2", z.withParameters(z.parameters()).name(), "a copy keeps the user's name");
    VariableScope again = ctx.scope("test");
    assertEquals("test_1/Normal", Normal.of(again, 0, 1).name(), "a second entry of a scope has its own op prefix");
    assertEquals("test/inner/Normal", Normal.of(scope.child("inner"), 0, 1).name());
  }

  @Test
  void shapesSplitIntoSampleBatchAndEvent() {
    Normal n = Normal.builder(scope).loc(vector(0f, 1f, 2f)).scale(1).sampleShape(5, 2).build();
    assertEquals(Shape.of(5, 2), n.sampleShape());
    assertEquals(Shape.of(3), n.batchShape());
    assertEquals(Shape.scalar(), n.eventShape());
    assertEquals(Shape.of(5, 2, 3), n.shapes().valueShape());
    assertEquals(Shape.of(5, 2, 3), n.shape());
    assertArrayEquals(new long[] {5, 2, 3}, ctx.eval(n).shape());
    assertArrayEquals(new long[] {5, 2, 3}, ctx.eval(n.logProb(n)).shape());
    assertArrayEquals(new long[] {4, 3}, ctx.eval(n.sample(4)).shape());
    MultivariateNormalDiag w = MultivariateNormalDiag.builder(scope).loc(constant(new long[] {3, 2}, new float[6]))
        .scaleDiag(new float[] {1f, 1f}).sampleShape(4).build();
    assertEquals(Shape.of(4, 3, 2), w.shape());
    assertArrayEquals(new long[] {4, 3}, ctx.eval(w.logProb(w)).shape());
    Empirical e = Empirical.of(scope, constant(new long[] {10, 2, 3}, new float[60]));
    assertEquals(Shape.scalar(), e.batchShape());
    assertEquals(Shape.of(2, 3), e.eventShape());
    assertEquals(10, e.numSamples());
    assertEquals(3, Categorical.ofLogits(scope, constant(new long[] {4, 3}, new float[12])).numCategories());
  }

  @Test
  void anObservedValueIsUsedInsteadOfADraw() {
    Operand<TFloat32> data = vector(0.5f, -1f, 2f);
    Normal x = Normal.builder(scope).loc(0).scale(1).sampleShape(3).value(data).build();
    assertTrue(x.isObserved());
    assertTrue(x.valueSeeds().isEmpty());
    assertArrayEquals(new float[] {0.5f, -1f, 2f}, eval(x));
    assertTrue(x.toString().contains("observed"), x.toString());
    Bernoulli<TInt32> coin = Bernoulli.builder(scope).probs(0.5).sampleShape(2).value(tf.constant(new int[] {1, 0})).build();
    assertArrayEquals(new float[] {1f, 0f}, eval(coin));
  }

  @Test
  void aVariableIsAnOperandStandingForItsValue() {
    Normal z = Normal.builder(scope).loc(3).scale(1e-3).build();
    float v = eval(tf.math.mul(z, scalar(2)))[0];
    // scale 1e-3: 0.01 is 5 standard deviations of 2z, 0.02 about 14 of x (sd sqrt(2) * 1e-3).
    assertEquals(6f, v, 0.01f);
    Normal x = Normal.builder(scope).loc(z).scale(1e-3).build();
    assertEquals(3f, eval(x)[0], 0.02f, "a variable as another's parameter");
  }

  @Test
  void parametersCanBeTrainableVariables() {
    Variable<TFloat32> loc = ctx.scope("Gen").getVariable("loc", Shape.of(2), org.edward4j.core.Initializers.zeros());
    Normal n = Normal.of(scope, loc, scalar(1));
    assertSame(loc, n.parameters().get("loc"));
    assertArrayEquals(new long[] {2}, ctx.eval(n.logProb(vector(0f, 1f))).shape());
  }

  @Test
  void parametersAreKeptByEdwardNames() {
    Operand<TFloat32> loc = vector(1f, 2f);
    Normal n = Normal.builder(scope).loc(loc).scale(0.5).build();
    assertEquals(List.of("loc", "scale"), List.copyOf(n.parameters().keySet()));
    assertSame(loc, n.loc());
    assertEquals("test/Normal/scale", n.scale().op().name(), "a Java number becomes a constant named after the parameter");
    assertEquals(List.of("probs"), List.copyOf(Bernoulli.ofProbs(scope, 0.2).parameters().keySet()));
    assertEquals(List.of("logits"), List.copyOf(Categorical.ofLogits(scope, new float[] {0f, 1f}).parameters().keySet()));
    assertEquals(List.of("concentration1", "concentration0"), List.copyOf(Beta.of(scope, 1, 2).parameters().keySet()));
    assertEquals(List.of("loc", "scaleDiag"),
        List.copyOf(MultivariateNormalDiag.of(scope, new float[] {0f}, new float[] {1f}).parameters().keySet()));
  }

  @Test
  void bernoulliDerivesTheOtherParameterization() {
    Bernoulli<TInt32> b = Bernoulli.ofLogits(scope, 0.0);
    assertEquals(0.5f, eval(b.probs())[0], 1e-7f);
    Bernoulli<TInt32> p = Bernoulli.ofProbs(scope, 0.25);
    assertEquals((float) Math.log(1.0 / 3), eval(p.logits())[0], 1e-6f);
    assertTrue(p.logits().op().name().startsWith("test/Bernoulli_1/logits"));
  }

  @Test
  void discreteValueDtypes() {
    assertEquals(TInt32.class, Bernoulli.ofProbs(scope, 0.5).value().type());
    assertEquals(TInt32.class, Categorical.ofProbs(scope, new float[] {1f}).value().type());
    assertEquals(TFloat32.class, Poisson.of(scope, 2).value().type(), "Poisson takes the rate's dtype, as in Edward");
    Bernoulli<TFloat32> f = Bernoulli.builder(scope).probs(0.5).sampleShape(4).dtype(TFloat32.class).build();
    assertEquals(TFloat32.class, f.value().type());
    assertEquals(Shape.of(4), f.shape(), "dtype(...) keeps what was set before it");
    Categorical<TInt64> c = Categorical.builder(scope).logits(new float[] {0f, 0f}).dtype(TInt64.class).build();
    assertEquals(TInt64.class, c.value().type());
    Poisson<TInt32> counts = Poisson.builder(scope).rate(4).dtype(TInt32.class).sampleShape(3).build();
    assertEquals(TInt32.class, counts.value().type());
    assertEquals(3, eval(counts.logProb(counts)).length, "integer values are cast for logProb");
  }

  @Test
  void dimensionsKnownOnlyAtRunTime() {
    Placeholder<TFloat32> loc = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    Normal n = Normal.builder(scope).loc(loc).scale(1).sampleShape(2).build();
    // Shape.equals never holds for unknown dimensions, so compare the arrays.
    assertArrayEquals(new long[] {-1}, n.batchShape().asArray());
    assertTrue(n.toString().contains("batch=[?]"), n.toString());
    List<TensorValue> v = evalAll(Map.of(loc, new float[] {0f, 10f, 20f, 30f}), List.of(n, n.logProb(n), n.mean()));
    assertArrayEquals(new long[] {2, 4}, v.get(0).shape());
    assertArrayEquals(new long[] {2, 4}, v.get(1).shape());
    assertArrayEquals(new float[] {0f, 10f, 20f, 30f}, v.get(2).data());
    Placeholder<TFloat32> samples = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
    Empirical e = Empirical.of(scope, samples);
    assertEquals(-1, e.numSamples());
    float draw = evalAll(Map.of(samples, new float[] {7f, 7f, 7f}), List.of(e)).get(0).scalar();
    assertEquals(7f, draw);
    Placeholder<TFloat32> logits = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
    Categorical<TInt32> c = Categorical.ofLogits(scope, logits);
    assertArrayEquals(new long[] {3}, evalAll(Map.of(logits, new float[6]), List.of(c)).get(0).shape());
  }

  @Test
  void toStringShowsFamilyNameShapesDtypeAndSeed() {
    Normal n = Normal.builder(scope).loc(vector(0f, 1f)).scale(1).sampleShape(5).build();
    assertEquals("Normal(name=test/Normal, sample=[5], batch=[2], event=[], dtype=float32, seed=" + SEED
        + ", opSeeds=[1], reparameterized)", n.toString());
    assertEquals("Bernoulli(name=test/Bernoulli, sample=[], batch=[], event=[], dtype=int32, seed=" + SEED
        + ", opSeeds=[2])", Bernoulli.ofProbs(scope, 0.5).toString());
  }

  @Test
  void theContractTypeIsEnough() {
    RandomVariable<TFloat32> rv = Normal.of(scope, 0, 1);
    assertFalse(rv.klDivergence(Normal.of(scope, 1, 1)).isEmpty());
    RandomVariable<TFloat32> copy = rv.withParameters(rv.parameters());
    assertNotSame(rv, copy);
  }
}
