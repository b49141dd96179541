package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Bad input to the Monte Carlo inferences: clear messages, thrown in Java before any draw. */
class MonteCarloBadInputTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;
  private Normal mu;
  private Normal x;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(1);
    scope = ctx.scope("model");
    tf = ctx.tf();
    mu = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).build();
    x = Normal.builder(scope).loc(mu).scale(1.0).build();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message `" + e.getMessage() + "` lacks `" + p + "`");
    }
  }

  private Empirical empirical(String name, long... shape) {
    return Empirical.of(scope, scope.getVariable(name, Shape.of(shape), Initializers.zeros()));
  }

  @Test
  void anEmpiricalOfTheWrongShapeIsRefusedNamingBoth() {
    Empirical q = empirical("q", 100, 3);
    assertMessage(() -> new HMC(Map.of(mu, q), Map.of(x, tf.constant(new float[2]))),
        "must have shape [T] + [2]", mu.name(), "got [100, 3]", q.name());
  }

  @Test
  void aLatentWithoutAnEmpiricalIsRefused() {
    Normal q = Normal.of(scope, 0.0, 1.0);
    assertMessage(() -> new HMC(Map.of(mu, q), Map.of(x, tf.constant(new float[2]))),
        "must bind " + mu.name() + " to an Empirical", "Normal");
  }

  @Test
  void anEmpiricalOverATensorIsRefused() {
    Empirical q = Empirical.of(scope, tf.zeros(tf.constant(new int[] {10, 2}), TFloat32.class));
    assertMessage(() -> new HMC(Map.of(mu, q), Map.of(x, tf.constant(new float[2]))), "must be a variable");
  }

  @Test
  void aPlaceholderDataKeyIsRefused() {
    Placeholder<TFloat32> ph = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
    Empirical q = empirical("q", 10, 2);
    assertMessage(() -> new HMC(Map.of(mu, q), Map.of(ph, tf.constant(new float[2]))),
        "`data` keys must be random variables", "feedDict");
  }

  @Test
  void anEmptyListIsRefused() {
    assertMessage(() -> new HMC(List.of(), Map.of(x, tf.constant(new float[2]))), "at least one latent variable");
  }

  @Test
  void nIterBeyondTheDrawsIsRefused() {
    HMC hmc = new HMC(Map.of(mu, empirical("q", 10, 2)), Map.of(x, tf.constant(new float[2])));
    assertMessage(() -> hmc.initialize(HmcOptions.builder().nIter(11).build()), "`nIter` must be at most T = 10", "got 11");
  }

  @Test
  void badStepSizesAndStepCountsAreRefused() {
    assertMessage(() -> HmcOptions.builder().stepSize(0), "`stepSize` must be positive and finite, got 0.0");
    assertMessage(() -> HmcOptions.builder().stepSize(-1), "`stepSize`", "-1.0");
    assertMessage(() -> HmcOptions.builder().stepSize(Double.NaN), "`stepSize`", "NaN");
    assertMessage(() -> HmcOptions.builder().nSteps(0), "`nSteps`", "0");
  }

  @Test
  void aScaleKeyOutsideTheModelIsRefused() {
    Normal other = Normal.of(scope, 0.0, 1.0);
    HMC hmc = new HMC(Map.of(mu, empirical("q", 10, 2)), Map.of(x, tf.constant(new float[2])));
    assertMessage(() -> hmc.initialize(HmcOptions.builder().scale(Map.of(other, 2.0)).build()), "`scale` key");
  }

  @Test
  void aModelLatentLeftUnboundIsNamed() {
    Normal sigma = Normal.of(scope, 1.0, 0.1);
    Normal y = Normal.builder(scope).loc(mu).scale(tf.math.abs(sigma)).build();
    HMC hmc = new HMC(Map.of(mu, empirical("q", 10, 2)), Map.of(y, tf.constant(new float[2])));
    assertMessage(() -> hmc.initialize(), sigma.name(), "neither latent variables");
    assertEquals(0, hmc.iteration());
  }

  @Test
  void aDiscreteLatentIsRefusedByTheGradientSamplers() {
    org.edward4j.models.Bernoulli<org.tensorflow.types.TInt32> c = org.edward4j.models.Bernoulli.builder(scope).probs(0.5).build();
    Normal y = Normal.builder(scope).loc(tf.dtypes.cast(c, TFloat32.class)).scale(1.0).build();
    HMC hmc = new HMC(Map.of(c, empirical("qc", 10)), Map.of(y, tf.constant(1f)));
    assertMessage(() -> hmc.initialize(), "must be continuous", c.name(), "Bernoulli");
  }
}
