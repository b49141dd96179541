package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
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

  @Test
  void metropolisHastingsExample() {
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(1000), Initializers.zeros()));
      Operand<TFloat32> xData = ctx.tf().constant(new float[50]);
      // --- MetropolisHastings
      Normal proposalMu = Normal.builder(scope).loc(mu).scale(0.3).build();
      MetropolisHastings mh = new MetropolisHastings(Map.of(mu, qmu), Map.of(mu, proposalMu), Map.of(x, xData));
      mh.run(MonteCarloOptions.builder().nPrint(0).build());
      // ---
      // Posterior N(0, 1/51); the random walk mixes in tens of draws, so 1000 draws put the mean
      // well within 0.1.
      assertEquals(0.0, ctx.eval(qmu.withBurnIn(100).mean()).data()[0], 0.1);
    }
  }

  @Test
  void sgldExample() {
    try (ModelContext ctx = ModelContext.withSeed(8)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = ctx.tf();
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal xBatch = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(10).build();
      Placeholder<TFloat32> xPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(10)));
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(100), Initializers.zeros()));
      float[] batch = new float[10];
      // --- SGLD
      SGLD sgld = new SGLD(Map.of(mu, qmu), Map.of(xBatch, xPh));
      sgld.initialize(SgldOptions.builder().stepSize(0.1).scale(Map.of(xBatch, 10.0)).nPrint(0).build());
      UpdateInfo info = sgld.update(Map.of(xPh, batch));
      // ---
      assertEquals(1, info.t());
      assertEquals(1.0, info.get("accept_rate"));
      // --- SgldOptions
      SgldOptions options = SgldOptions.builder().stepSize(0.1).nPrint(0).build();
      // ---
      assertEquals(0.1, options.stepSize());
    }
  }

  @Test
  void sghmcExample() {
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(200), Initializers.zeros()));
      Operand<TFloat32> xData = ctx.tf().constant(new float[50]);
      // --- SGHMC
      SGHMC sghmc = new SGHMC(Map.of(mu, qmu), Map.of(x, xData));
      sghmc.run(SghmcOptions.builder().stepSize(0.025).friction(0.1).nPrint(0).build());
      // ---
      assertEquals(200, sghmc.iteration());
      // --- SghmcOptions
      SghmcOptions options = SghmcOptions.builder().stepSize(0.025).friction(0.1).nPrint(0).build();
      // ---
      assertEquals(0.1, options.friction());
    }
  }

  @Test
  void replicaExchangeExample() {
    try (ModelContext ctx = ModelContext.withSeed(10)) {
      VariableScope scope = ctx.scope("model");
      Normal z = Normal.of(scope, 0.0, 1.0);
      Normal proposalZ = Normal.builder(scope).loc(z).scale(1.0).build();
      Empirical qz = Empirical.of(scope, scope.getVariable("qz", Shape.of(500), Initializers.zeros()));
      // --- ReplicaExchangeMC
      ReplicaExchangeMC rex = new ReplicaExchangeMC(Map.of(z, qz), Map.of(z, proposalZ), Map.of());
      rex.run(ReplicaExchangeOptions.builder().inverseTemperatures(1.0, 0.3, 0.1, 0.03).nPrint(0).build());
      // ---
      assertEquals(500, rex.iteration());
      // --- ReplicaExchangeOptions
      ReplicaExchangeOptions options = ReplicaExchangeOptions.builder()
          .inverseTemperatures(1.0, 0.5, 0.2, 0.05).exchangeFreq(0.5).nPrint(0).build();
      // ---
      assertEquals(4, options.inverseTemperatures().size());
    }
  }
}
