package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.NonFiniteLossException;
import org.edward4j.models.Empirical;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/**
 * Under {@code debug(true)} a non-finite draw is caught before it is written (issue 17's gate for
 * the Monte Carlo steps): SGLD with an absurd step size overflows within a few draws; the failing
 * update throws naming the latent, writes no row and leaves {@code t} where it was.
 */
class MonteCarloDebugGateTest {

  @Test
  void aNonFiniteDrawIsRefusedBeforeItIsWritten() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope scope = ctx.scope("model");
      EdwardTestModels.NormalNormal m = EdwardTestModels.normalNormal(scope, ctx.tf());
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(50), Initializers.constant(7.0)));
      SGLD sgld = new SGLD(Map.of(m.mu(), qmu), Map.of(m.x(), m.xData()));
      // Step 1e30: each draw multiplies |mu| by about 1e31, so float32 overflows by the third draw.
      sgld.initialize(SgldOptions.builder().stepSize(1e30).debug(true).nPrint(0).build());
      NonFiniteLossException failure = null;
      for (int i = 0; i < 20 && failure == null; i++) {
        try {
          sgld.update();
        } catch (NonFiniteLossException e) {
          failure = e;
        }
      }
      assertNotNull(failure, "no draw overflowed");
      assertTrue(failure.getMessage().contains(m.mu().name()), failure.getMessage());
      long t = sgld.iteration();
      assertEquals(t + 1, failure.iteration());
      assertEquals(t, ctx.eval(sgld.sampleStore().t()).longs()[0], "the store's t moved");
      float[] rows = ctx.eval(qmu.params()).data();
      for (int i = 0; i < t; i++) {
        assertTrue(Float.isFinite(rows[i]), "row " + i + " = " + rows[i]);
      }
      // Row t was not written: it still holds its initial value.
      assertEquals(7f, rows[(int) t]);
    }
  }
}
