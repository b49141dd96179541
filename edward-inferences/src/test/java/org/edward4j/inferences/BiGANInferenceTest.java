package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** ALI/BiGAN on a toy 2-D problem: the learned encoder approximately inverts the generator. */
class BiGANInferenceTest {

  static final int M = 64;
  /** Data x = z A with z ~ N(0, I): a correlated 2-D Gaussian. */
  static final double[][] A = {{2.0, 0.5}, {-1.0, 1.0}};

  private static void sample(Random rng, float[] out) {
    for (int i = 0; i < M; i++) {
      double z0 = rng.nextGaussian();
      double z1 = rng.nextGaussian();
      out[2 * i] = (float) (z0 * A[0][0] + z1 * A[1][0]);
      out[2 * i + 1] = (float) (z0 * A[0][1] + z1 * A[1][1]);
    }
  }

  private static void noise(Random rng, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) rng.nextGaussian();
    }
  }

  @Test
  void encoderLearnsToInvertTheGenerator() {
    try (ModelContext ctx = ModelContext.withSeed(77)) {
      Ops tf = ctx.tf();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(M, 2));
      ContextPlaceholder<TFloat32> zPh = ctx.placeholder("z_ph", TFloat32.class, Shape.of(M, 2));
      VariableScope gen = ctx.scope("Gen");
      Operand<TFloat32> xGenerated = TestNets.dense(gen.child("generator"), zPh, 2, UnaryOperator.identity());
      Operand<TFloat32> zEncoded = TestNets.dense(gen.child("encoder"), xPh, 2, UnaryOperator.identity());
      JointDiscriminator d = (s, x, z) -> TestNets.mlp(s, s.tf().concat(List.of(x, z), s.tf().constant(1)), 32);
      BiGANInference inference = new BiGANInference(Map.of(zPh, zEncoded), Map.of(xGenerated, xPh), d);
      inference.initialize(GanOptions.builder()
          .optimizer(Adam.builder().learningRate(2e-3).beta1(0.5).build())
          .optimizerD(Adam.builder().learningRate(2e-3).beta1(0.5).build()).build());
      assertEquals(4, inference.trainedVariables(Side.GEN).size(), "generator and encoder kernels and biases");

      Random rng = new Random(3);
      float[] x = new float[2 * M];
      float[] z = new float[2 * M];
      double untrained = reconstructionError(ctx, xGenerated, zEncoded, zPh, xPh, rng, x);
      for (int i = 0; i < 4000; i++) {
        sample(rng, x);
        noise(rng, z);
        inference.update(Map.of(xPh, x, zPh, z));
      }
      double trained = reconstructionError(ctx, xGenerated, zEncoded, zPh, xPh, rng, x);
      // Relative error E||G(E(x)) - x||^2 / E||x||^2: the initial random linear pair gives 3.8, the
      // trained pair 9e-4 at this seed; 0.05 is a loose bound that an encoder not inverting the
      // generator (even one matching only the data's scale) cannot meet.
      assertTrue(untrained > 1, "untrained error " + untrained);
      assertTrue(trained < 0.05, "reconstruction error " + trained + " (untrained " + untrained + ")");
    }
  }

  /** Reconstructs data through the encoder and generator by feeding the codes back. */
  private static double reconstructionError(
      ModelContext ctx, Operand<TFloat32> xGenerated, Operand<TFloat32> zEncoded,
      Operand<TFloat32> zPh, Operand<TFloat32> xPh, Random rng, float[] x) {
    sample(rng, x);
    float[] codes;
    try (org.edward4j.core.Feeds f = new org.edward4j.core.Feeds()) {
      codes = ctx.eval(zEncoded, f.put(xPh, x).asMap()).data();
    }
    float[] back;
    try (org.edward4j.core.Feeds f = new org.edward4j.core.Feeds()) {
      back = ctx.eval(xGenerated, f.put(zPh, codes).asMap()).data();
    }
    double err = 0;
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      err += (back[i] - x[i]) * (back[i] - x[i]);
      norm += x[i] * x[i];
    }
    return err / norm;
  }

  @Test
  void mapsMustHoldOnePairEach() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 2));
      ContextPlaceholder<TFloat32> zPh = ctx.placeholder(TFloat32.class, Shape.of(4, 3));
      VariableScope gen = ctx.scope("Gen");
      Operand<TFloat32> xg = TestNets.dense(gen, zPh, 2, UnaryOperator.identity());
      Operand<TFloat32> ze = TestNets.dense(gen, xPh, 2, UnaryOperator.identity());
      JointDiscriminator d = (s, x, z) -> TestNets.mlp(s, s.tf().concat(List.of(x, z), s.tf().constant(1)), 4);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new BiGANInference(Map.of(), Map.of(xg, xPh), d));
      assertTrue(e.getMessage().contains("latentVars"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new BiGANInference(Map.of(zPh, ze), Map.of(xg, xPh), d));
      assertTrue(e.getMessage().contains("[4, 3]") && e.getMessage().contains("[4, 2]"), e.getMessage());
    }
  }
}
