package org.edward4j.models.conjugacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The example of {@link Conjugacy}, copied verbatim, with the parameters its comment promises. */
class ConjugacyJavadocExamplesTest {

  @Test
  void completeConditional() {
    try (ModelContext ctx = ModelContext.withSeed(42)) {
      VariableScope scope = ctx.scope("model");
      // --- Conjugacy
      Beta p = Beta.of(scope, 1.0, 1.0);
      Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
      RandomVariable<TFloat32> pCond = Conjugacy.completeConditional(p); // Beta(1 + sum x, 1 + sum (1 - x))
      // ---
      int[] data = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
      assertEquals(3f, ctx.eval(pCond.parameters().get("concentration1"), Map.of(x, data)).scalar(), 1e-6f);
      assertEquals(9f, ctx.eval(pCond.parameters().get("concentration0"), Map.of(x, data)).scalar(), 1e-6f);
      assertEquals("model_Beta", pCond.name().substring(Conjugacy.SCOPE_PREFIX.length(), pCond.name().indexOf('/')));
    }
  }
}
