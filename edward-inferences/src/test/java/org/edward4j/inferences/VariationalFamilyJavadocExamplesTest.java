package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Layers;
import org.edward4j.models.MultivariateNormalTriL;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The Javadoc examples of KLpq, Laplace, ImplicitKLqp and the named KLqp variants, copied between
 * the marked lines so they compile and run, each with a check of what it promises.
 */
class VariationalFamilyJavadocExamplesTest {

  ModelContext ctx;
  VariableScope scope;
  Ops tf;
  Normal mu;
  Normal x50;
  Normal qmu;
  Operand<TFloat32> xData;
  Variable<TFloat32> qLoc;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(19);
    scope = ctx.scope("doc");
    tf = scope.tf();
    mu = Normal.of(scope, 0.0, 1.0);
    x50 = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
    qLoc = scope.getVariable("qLoc", Shape.scalar(), Initializers.constant(1.0));
    Variable<TFloat32> qScale = scope.getVariable("qScale", Shape.scalar(), Initializers.zeros());
    qmu = Normal.builder(scope).loc(qLoc).scale(tf.math.softplus(qScale)).build();
    xData = tf.constant(new float[50]);
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  /**
   * The posterior is N(0, 0.14); q starts at mean 1, so any of these runs must move it toward 0.
   * After only 500 steps the reparameterization gradients are within 0.35; the score-function
   * ones (10 samples, no baseline) wander further: Edward's own klqp_test allows 0.6.
   */
  private void assertNearPosterior(double bound) {
    assertEquals(0.0, ctx.eval(qLoc).scalar(), bound, "q's mean after 500 steps");
  }

  private void assertNearPosterior() {
    assertNearPosterior(0.35);
  }

  @Test
  void reparameterizationKLqp() {
    // --- ReparameterizationKLqp
    ReparameterizationKLqp inference = new ReparameterizationKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build());
    // ---
    assertNearPosterior();
  }

  @Test
  void reparameterizationKLKLqp() {
    // --- ReparameterizationKLKLqp
    ReparameterizationKLKLqp inference = new ReparameterizationKLKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).klScaling(Map.of(mu, 1.0)).build());
    // ---
    assertNearPosterior();
  }

  @Test
  void reparameterizationEntropyKLqp() {
    // --- ReparameterizationEntropyKLqp
    ReparameterizationEntropyKLqp inference = new ReparameterizationEntropyKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).build());
    // ---
    assertNearPosterior();
  }

  @Test
  void scoreKLqp() {
    // --- ScoreKLqp
    ScoreKLqp inference = new ScoreKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
    // ---
    assertNearPosterior(0.6);
  }

  @Test
  void scoreKLKLqp() {
    // --- ScoreKLKLqp
    ScoreKLKLqp inference = new ScoreKLKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
    // ---
    assertNearPosterior(0.6);
  }

  @Test
  void scoreEntropyKLqp() {
    // --- ScoreEntropyKLqp
    ScoreEntropyKLqp inference = new ScoreEntropyKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
    // ---
    assertNearPosterior(0.6);
  }

  @Test
  void scoreRBKLqp() {
    // --- ScoreRBKLqp
    ScoreRBKLqp inference = new ScoreRBKLqp(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
    // ---
    assertNearPosterior(0.6);
  }

  @Test
  void klpq() {
    // --- KLpqOptions
    KLpqOptions options = KLpqOptions.builder().nIter(500).nPrint(0).nSamples(25).build();
    // ---
    assertEquals(25, options.nSamples());
    // --- KLpq
    KLpq inference = new KLpq(Map.of(mu, qmu), Map.of(x50, xData));
    inference.run(KLpqOptions.builder().nIter(500).nPrint(0).nSamples(25).build());
    // ---
    assertNearPosterior();
  }

  @Test
  void laplace() {
    Normal w = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).build();
    Normal y = Normal.builder(scope).loc(w).scale(0.5).build();
    Operand<TFloat32> yData = tf.constant(new float[] {1f, -1f});
    MultivariateNormalTriL qw = MultivariateNormalTriL.of(scope,
        scope.getVariable("wLoc", Shape.of(2), Initializers.zeros()), scope.getVariable("wTril", Shape.of(2, 2), Initializers.ones()));
    // --- Laplace
    Laplace laplace = new Laplace(Map.of(w, qw), Map.of(y, yData));
    laplace.run(VariationalOptions.builder().nIter(500).nPrint(0).build());
    double[][] covariance = laplace.covariance(w);
    // ---
    // Hessian 1 + 1 / 0.25 = 5 on the diagonal, 0 off it.
    assertEquals(0.2, covariance[0][0], 1e-6);
    assertEquals(0.0, covariance[0][1], 1e-6);
  }

  @Test
  void implicitKLqp() {
    Normal z = Normal.of(scope, 5.0, 1.0);
    // --- RatioEstimator
    RatioEstimator ratio = (scope, data, locals, globals) -> {
      Variable<TFloat32> w = scope.getVariable("w", Shape.scalar(), Initializers.zeros());
      return scope.tf().math.add(z.logProb((Operand<TFloat32>) locals.get(z)), w);
    };
    // ---
    // --- ImplicitKLqpOptions
    ImplicitKLqpOptions options = ImplicitKLqpOptions.builder().nIter(200).nPrint(0)
        .ratioLoss(RatioLoss.parse("hinge")).build();
    // ---
    assertEquals(RatioLoss.HINGE, options.ratioLoss());

    ContextPlaceholder<TFloat32> yPh = ctx.placeholder(TFloat32.class, Shape.of(4));
    Normal w = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).build();
    Normal y = Normal.builder(scope).loc(tf.math.mul(tf.ones(tf.constant(new int[] {4}), TFloat32.class),
        tf.reduceSum(w, tf.constant(0)))).scale(1.0).build();
    Normal qw = Normal.builder(scope).loc(scope.getVariable("qwLoc", Shape.of(2), Initializers.zeros())).scale(1.0).build();
    RatioEstimator ratioY = (s, data, locals, globals) -> Layers.dense(s, tf.reshape((Operand<TFloat32>) data.get(y),
        tf.constant(new int[] {4, 1})), 1);
    ratio = ratioY;
    // --- ImplicitKLqp
    ImplicitKLqp inference = new ImplicitKLqp(Map.of(w, qw), Map.of(y, yPh), ratio, Map.of(w, qw));
    inference.initialize(ImplicitKLqpOptions.builder().nIter(5000).scale(Map.of(y, 10.0)).build());
    // ---
    assertTrue(inference.update(Map.of(yPh, new float[] {1, 2, 3, 4})).values().containsKey("loss_d"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void implicitKLqpExtras() {
    // --- RatioLossFunction
    // Least-squares ratio estimation: targets +1 for the model, -1 for q.
    RatioLossFunction squares = (tf, p, q) -> tf.math.add(
        tf.math.square(tf.math.sub(p, tf.constant(1f))), tf.math.square(tf.math.add(q, tf.constant(1f))));
    ImplicitKLqpOptions options = ImplicitKLqpOptions.builder().ratioLoss(squares).build();
    // ---
    assertEquals(squares, options.ratioLoss());
    Normal z = Normal.of(scope, 5.0, 1.0);
    // --- KeyedRatioEstimator
    KeyedRatioEstimator ratio = (scope, data, locals, globals) -> {
      Variable<TFloat32> w = scope.getVariable("w", Shape.scalar(), Initializers.zeros());
      return Map.of(z, scope.tf().math.add(z.logProb((Operand<TFloat32>) locals.get(z)), w));
    };
    // ---
    Normal z1 = Normal.of(scope, 5.0, 1.0);
    Normal z2 = Normal.of(scope, -3.0, 1.0);
    Normal qz1 = Normal.builder(scope).loc(scope.getVariable("q1", Shape.scalar(), Initializers.zeros())).scale(1.0).build();
    Normal qz2 = Normal.builder(scope).loc(scope.getVariable("q2", Shape.scalar(), Initializers.zeros())).scale(1.0).build();
    ratio = (s, data, locals, globals) -> {
      Variable<TFloat32> w = s.getVariable("w2", Shape.scalar(), Initializers.zeros());
      return Map.of(z1, s.tf().math.add(z1.logProb((Operand<TFloat32>) locals.get(z1)), w),
          z2, s.tf().math.add(z2.logProb((Operand<TFloat32>) locals.get(z2)), w));
    };
    // --- ImplicitKLqp.keyed
    ImplicitKLqp inference = ImplicitKLqp.keyed(Map.of(z1, qz1, z2, qz2), Map.of(), ratio, Map.of());
    inference.initialize(ImplicitKLqpOptions.builder().scale(Map.of(z1, 2.0, z2, 3.0)).build());
    // ---
    assertTrue(inference.update().values().containsKey("loss_d"));
  }
}
