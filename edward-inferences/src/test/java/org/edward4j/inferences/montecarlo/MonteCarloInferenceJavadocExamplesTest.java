package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.variables.Initializers;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The Javadoc examples of the Monte Carlo inference classes, verbatim between markers, compiled and run. */
class MonteCarloInferenceJavadocExamplesTest {

  @Test
  void hmcExample() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      VariableScope scope = ctx.scope("model");
      Operand<TFloat32> xData = ctx.tf().constant(new float[50]);
      // --- HMC
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(2000), Initializers.ones()));
      HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, xData));
      hmc.run(HmcOptions.builder().stepSize(0.2).nSteps(5).nPrint(0).build());
      Operand<TFloat32> posteriorMean = qmu.withBurnIn(500).mean();
      // ---
      // Posterior N(0, 1/51): 1500 draws with ESS in the hundreds put the mean within 0.05.
      assertEquals(0.0, ctx.eval(posteriorMean).data()[0], 0.05);
    }
  }

  @Test
  void monteCarloAndOptionsExamples() {
    try (ModelContext ctx = ModelContext.withSeed(6)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = ctx.tf();
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(300), Initializers.zeros()));
      Operand<TFloat32> xData = tf.constant(new float[50]);
      // --- MonteCarlo
      HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, xData));
      hmc.run(HmcOptions.builder().stepSize(0.1).nSteps(5).nPrint(0).build());
      // ---
      assertEquals(300, hmc.iteration());
      // --- HmcOptions
      HmcOptions options = HmcOptions.builder().stepSize(0.1).nSteps(10).nPrint(0).build();
      // ---
      assertEquals(10, options.nSteps());
    }
  }
}
