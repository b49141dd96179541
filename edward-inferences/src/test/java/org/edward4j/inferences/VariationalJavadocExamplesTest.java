package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The class documentation's examples of the variational inferences and of {@code GraphCopy},
 * copied verbatim between the marked lines so they compile, with a check of what each promises.
 */
class VariationalJavadocExamplesTest {

  ModelContext ctx;
  VariableScope scope;
  Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(17);
    scope = ctx.scope("doc");
    tf = scope.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  @Test
  void graphCopy() {
    // --- GraphCopy
    Normal z = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(z).scale(0.5).build();
    Normal qz = Normal.of(scope, 3.0, 0.1);
    RandomVariable<TFloat32> xGivenQz = GraphCopy.copy(x, Map.of(z, qz)); // x ~ N(qz, 0.5)
    // ---
    assertEquals(3.0, ctx.eval(xGivenQz.mean()).scalar(), 0.5, "loc is a draw of N(3, 0.1)");
  }

  @Test
  void variationalInferenceAndKLqp() {
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(3));
    Normal z = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(z).scale(1.0).sampleShape(3).build();
    Normal qz = Normal.builder(scope).loc(scope.getVariable("m", Shape.scalar(), Initializers.zeros())).scale(1.0).build();
    // --- VariationalInference
    KLqp inference = new KLqp(Map.of(z, qz), Map.of(x, xPh));
    inference.initialize(KLqpOptions.builder().nSamples(5).build());
    // ---
    assertTrue(inference.toString().contains("nIter=1000"), inference.toString());

    Variable<TFloat32> qLoc = scope.getVariable("qLoc", Shape.scalar(), Initializers.zeros());
    Variable<TFloat32> qScale = scope.getVariable("qScale", Shape.scalar(), Initializers.zeros());
    Operand<TFloat32> xData = tf.constant(new float[50]);
    // --- KLqp
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x50 = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
    Normal qmu = Normal.builder(scope).loc(qLoc).scale(tf.math.softplus(qScale)).build();
    KLqp klqp = new KLqp(Map.of(mu, qmu), Map.of(x50, xData));
    klqp.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build());
    // ---
    // Posterior N(0, 1/sqrt(51) = 0.14): the mean is within a few posterior sds of 0 after 500 steps.
    assertEquals(0.0, ctx.eval(qLoc).scalar(), 0.3);
  }

  @Test
  void map() {
    Normal beta = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {3}), TFloat32.class)).scale(1.0).build();
    Normal y = Normal.builder(scope).loc(beta).scale(1.0).build();
    Operand<TFloat32> yData = tf.constant(new float[] {2, 2, 2});
    // --- MAP
    Variable<TFloat32> w = scope.getVariable("w", Shape.of(3), Initializers.zeros());
    PointMass qbeta = PointMass.of(scope, w);
    MAP inference = new MAP(Map.of(beta, qbeta), Map.of(y, yData));
    inference.run(VariationalOptions.builder().nIter(500).build());
    // ---
    // Each coordinate's posterior is N(2 / 2, ...): the mode is 1.
    assertEquals(1.0, ctx.eval(w).data()[0], 1e-3);
  }

  @Test
  void wakeSleep() {
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 6));
    Operand<TFloat32> zeros = tf.zeros(tf.constant(new int[] {4, 3}), TFloat32.class);
    Adam adam = Adam.builder().learningRate(0.01).build();
    float[] batch = new float[24];
    // --- WakeSleep
    Bernoulli<TFloat32> z = Bernoulli.builder(scope).logits(zeros).dtype(TFloat32.class).build();
    Bernoulli<TFloat32> x = Bernoulli.builder(scope).logits(decoder(z)).dtype(TFloat32.class).build();
    Bernoulli<TFloat32> qz = Bernoulli.builder(scope).logits(encoder(xPh)).dtype(TFloat32.class).build();
    WakeSleep inference = new WakeSleep(Map.of(z, qz), Map.of(x, xPh));
    inference.initialize(WakeSleepOptions.builder().phaseQ(PhaseQ.SLEEP).optimizer(adam).build());
    UpdateInfo info = inference.update(Map.of(xPh, batch));
    // ---
    assertEquals(1, info.t());
    assertTrue(Double.isFinite(info.loss()), info.toString());
  }

  @Test
  void marginalLikelihood() {
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(2));
    Normal z = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {2}), TFloat32.class)).scale(1.0).build();
    Normal x = Normal.builder(scope).loc(z).scale(1.0).build();
    Normal qz = Normal.builder(scope).loc(tf.math.mul(xPh, tf.constant(0.5f))).scale(Math.sqrt(0.5)).build();
    float[] testBatch = {0.0f, 1.0f};
    // --- MarginalLikelihood
    MarginalLikelihood nll = MarginalLikelihood.builder(Map.of(z, qz), Map.of(x, xPh)).samples(100).build();
    double[] logPx = nll.logMarginal(Map.of(xPh, testBatch));
    // ---
    // q is the exact posterior N(x/2, 1/2), so the estimate is log N(x; 0, 2) exactly.
    assertEquals(-0.5 * Math.log(4 * Math.PI) - 0.25, logPx[1], 1e-4);
  }

  private Operand<TFloat32> decoder(Operand<TFloat32> z) {
    Variable<TFloat32> w = scope.getVariable("dec", Shape.of(3, 6), Initializers.zeros());
    return tf.linalg.matMul(z, w);
  }

  private Operand<TFloat32> encoder(Operand<TFloat32> x) {
    Variable<TFloat32> w = scope.getVariable("enc", Shape.of(6, 3), Initializers.zeros());
    return tf.linalg.matMul(x, w);
  }
}
