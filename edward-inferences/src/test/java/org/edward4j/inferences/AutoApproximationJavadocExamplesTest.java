package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The list form's Javadoc examples, copied between the marked lines so they compile. */
class AutoApproximationJavadocExamplesTest {

  @Test
  void klqpListForm() {
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      VariableScope scope = ctx.scope("model");
      Gamma z = Gamma.of(scope, 2.0, 1.0);
      Normal beta = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(beta).scale(z).sampleShape(4).build();
      Operand<TFloat32> xData = ctx.tf().constant(new float[] {0.5f, -0.5f, 1.0f, -1.0f});
      // --- KLqp list form
      KLqp inference = new KLqp(List.of(z, beta), Map.of(x, xData));
      inference.run(KLqpOptions.builder().nIter(1000).nPrint(0).nSamples(5).build());
      Operand<TFloat32> posteriorMean = inference.approximation(z).mean(); // on z's support
      // ---
      // A positive scale: the Monte Carlo mean of draws of the pushed-forward Normal is positive.
      assertEquals(1.0, Math.signum(ctx.eval(posteriorMean).scalar()));
    }
  }

  @Test
  void mapListForm() {
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      Gamma x = Gamma.of(ctx.scope("model"), 3.0, 1.0);
      // --- MAP list form
      MAP inference = new MAP(List.of(x), Map.of());
      // ---
      inference.run(VariationalOptions.builder().nIter(1500).nPrint(0).build());
      // The mode of Gamma(3, 1) is 2; Adam's last steps leave the point within 1e-2 of it.
      assertEquals(2.0, ctx.eval(inference.approximation(x).mean()).scalar(), 1e-2);
    }
  }
}
