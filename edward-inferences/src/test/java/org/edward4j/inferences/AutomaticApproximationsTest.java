package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.edward4j.models.Poisson;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** MAP's automatic point masses (Edward's test_map_default and test_map_custom) and bad input. */
class AutomaticApproximationsTest {

  /** Edward's test_map_default: MAP([x]) with x ~ Gamma(2, 0.5) finds the mode (2 - 1) / 0.5 = 2. */
  @Test
  void mapListFormFindsTheGammaMode() {
    try (ModelContext ctx = ModelContext.withSeed(124125)) {
      Gamma x = Gamma.of(ctx.scope("model"), 2.0, 0.5);
      MAP inference = new MAP(List.of(x), Map.of());
      RandomVariable<?> qx = inference.approximation(x);
      assertTrue(qx instanceof PointMass, "a point mass, got " + qx);
      inference.run(VariationalOptions.builder().nIter(1500).nPrint(0).build());
      assertTrue(inference.transformations().isEmpty(), "point masses are not transformed, as in Edward");
      // Deterministic gradient ascent on log p: Adam's last steps (learning rate 0.1 * 0.9^15 =
      // 0.02) leave the point within 1e-3 of the mode; an untrained point (softplus of a standard
      // normal draw, ~0.2 to 2) misses by far more.
      assertEquals(2.0, ctx.eval(qx.mean()).scalar(), 1e-3, "mode of Gamma(2, 0.5)");
    }
  }

  /** Edward's test_map_custom: the user's PointMass(softplus(v)) also finds the mode. */
  @Test
  void mapWithAUserPointMassFindsTheGammaMode() {
    try (ModelContext ctx = ModelContext.withSeed(124125)) {
      Gamma x = Gamma.of(ctx.scope("model"), 2.0, 0.5);
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> v = post.getVariable("v", Shape.scalar(), Initializers.constant(0.5));
      PointMass qx = PointMass.of(post, post.tf().math.softplus(v));
      MAP inference = new MAP(Map.of(x, qx), Map.of());
      inference.run(VariationalOptions.builder().nIter(1500).nPrint(0).build());
      assertEquals(2.0, ctx.eval(qx.mean()).scalar(), 1e-3, "mode of Gamma(2, 0.5)");
    }
  }

  /** The list form of a simplex latent: the point mass is on the simplex, over K - 1 free numbers. */
  @Test
  void mapListFormOfADirichletFindsItsMode() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Dirichlet theta = Dirichlet.of(ctx.scope("model"), new float[] {2f, 3f, 5f});
      MAP inference = new MAP(List.of(theta), Map.of());
      inference.run(VariationalOptions.builder().nIter(2000).nPrint(0).build());
      float[] mode = ctx.eval(inference.approximation(theta).mean()).data();
      // Mode (alpha_k - 1) / (sum alpha - K) = (1, 2, 4) / 7; same optimizer bound as above.
      double[] expected = {1 / 7.0, 2 / 7.0, 4 / 7.0};
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[k], mode[k], 2e-3, "mode entry " + k);
      }
    }
  }

  /** A latent with no automatic approximation, and a simplex latent bound to a same-shape Normal. */
  @Test
  void unsupportedLatentsAreRejectedBeforeAnyOp() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Poisson<TFloat32> counts = Poisson.of(scope, 3.0);
      int before = opCount(ctx);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KLqp(List.of(counts), Map.of()));
      assertTrue(e.getMessage().startsWith("KLqp has no automatic approximation for the latent variable model/Poisson"),
          e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new MAP(List.of(counts), Map.of()));
      assertTrue(e.getMessage().startsWith("MAP has no automatic approximation"), e.getMessage());
      assertEquals(before, opCount(ctx), "nothing built for a rejected list");
      e = assertThrows(IllegalArgumentException.class, () -> new KLqp(List.<Normal>of(), Map.of()));
      assertTrue(e.getMessage().startsWith("`latentVars` must list at least one latent variable"), e.getMessage());

      Dirichlet theta = Dirichlet.of(scope, new float[] {1f, 1f, 1f});
      Normal q = Normal.of(ctx.scope("q"), ctx.tf().zeros(ctx.tf().constant(new int[] {3}), TFloat32.class), ctx.tf().ones(ctx.tf().constant(new int[] {3}), TFloat32.class));
      KLqp inference = new KLqp(Map.of(theta, q), Map.of());
      e = assertThrows(IllegalArgumentException.class, () -> inference.initialize(KLqpOptions.builder().nPrint(0).build()));
      assertTrue(e.getMessage().startsWith("auto_transform cannot fit the simplex latent model/Dirichlet (3 entries)"), e.getMessage());
    }
  }

  private static int opCount(ModelContext ctx) {
    int n = 0;
    var it = ctx.graph().operations();
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }
}
