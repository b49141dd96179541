package org.edward4j.inferences.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.LearningRate;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The latent package's documentation examples, copied verbatim between the marked lines so they
 * compile; those that need a trained generator are compiled only ({@link LatentGanEstimatorTest}
 * runs the same calls on one).
 */
class LatentJavadocExamplesTest {

  static Operand<TFloat32> generativeNetwork(VariableScope scope, Operand<TFloat32> z) {
    return Layers.dense(scope, z, 6);
  }

  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z) {
    return Layers.dense(scope, z, 6);
  }

  static Operand<TFloat32> encoder(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope, x, 2);
  }

  static Operand<TFloat32> discriminativeNetwork(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope, x, 1);
  }

  @Test
  void generatorAndEncoder() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      // --- Generator
      Generator g = (scope, z) -> generativeNetwork(scope, z);                 // Edward's GAN
      Generator bigan = (scope, z) -> generator(scope.child("generator"), z);   // a BiGAN's
      // ---
      // --- Encoder
      Encoder e = (scope, x) -> encoder(scope.child("encoder"), x);
      // ---
      Operand<TFloat32> z = ctx.tf().zeros(ctx.tf().constant(new int[] {4, 2}), TFloat32.class);
      assertEquals(Shape.of(4, 6), g.apply(ctx.scope("Gen"), z).shape());
      assertEquals(Shape.of(4, 6), bigan.apply(ctx.scope("Gen"), z).shape());
      assertEquals(Shape.of(4, 2), e.apply(ctx.scope("Gen"), g.apply(ctx.scope("Gen_2"), z)).shape());
    }
  }

  @Test
  void lossesParamsAndOptimizers() {
    // --- LatentLoss
    LatentLoss loss = LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.01));
    // ---
    assertTrue(loss.toString().contains("0.01"), loss.toString());
    // --- LatentGanModel
    LatentLoss squaredError = (tf, m) -> tf.reduceSum(
        tf.math.squaredDifference(m.generated(), m.targets()), tf.constant(1));
    // ---
    assertTrue(squaredError != null);
    // --- LatentGanParams
    LatentGanParams params = LatentGanParams.builder()
        .batchSize(16).zShape(100).learningRate(0.05).inputClip(1.0)
        .optimizerOption("beta1", 0.5).restarts(3)
        .build();
    // ---
    assertEquals(16, params.batchSize());
    assertEquals(3, params.restarts());
    // --- LatentOptimizer
    LatentOptimizer adam = LatentOptimizer.adam();            // options: beta1, beta2, epsilon
    LatentOptimizer custom = (lr, options) -> Adam.builder().learningRate(lr).beta1(0.5).build();
    // ---
    assertEquals(0.5, ((Adam) custom.create(LearningRate.constant(0.1), Map.of())).beta1());
    assertTrue(adam.create(LearningRate.constant(0.1), Map.of("beta1", 0.5)) instanceof Adam);
    // --- WarmStart
    WarmStart all = WarmStart.from(Path.of("out/gan/checkpoints"));
    WarmStart generatorOnly = WarmStart.from(Path.of("out/gan/checkpoints")).onlyVariables("Gen/.*");
    // ---
    assertTrue(all.variables().isEmpty());
    assertEquals("Gen/.*", generatorOnly.variables().orElseThrow().pattern());
  }

  /** Compiled, not run: it needs a trained generator's checkpoint. */
  @SuppressWarnings("unused")
  private static void estimator(float[][] targets) {
    {
      // --- LatentGanEstimator
      try (LatentGanEstimator estimator = LatentGanEstimator.builder()
          .generator((scope, z) -> generativeNetwork(scope, z))
          .discriminator((scope, x) -> discriminativeNetwork(scope, x))
          .loss(LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.001)))
          .params(LatentGanParams.builder().batchSize(16).zShape(100).learningRate(0.05).build())
          .warmStartFrom(Path.of("out/gan/checkpoints"))
          .build()) {
        LatentGanResult result = estimator.fit(targets, 500); // targets: 16 rows of 784 pixels
      }
      // ---
    }
  }

  /** Compiled, not run, as {@link #estimator}. */
  @SuppressWarnings("unused")
  private static void result(float[][] targets, LatentGanEstimator estimator) {
    // --- LatentGanResult
    LatentGanResult r = estimator.fit(targets, 500);
    float[][] codes = r.z();
    double error = r.meanLoss();
    int steps = r.stepsToReach(0, 0.01); // first step at which start 0's mean loss is below 0.01
    // ---
  }
}
