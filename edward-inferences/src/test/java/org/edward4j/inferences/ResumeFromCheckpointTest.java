package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.models.Uniform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A GAN whose noise is drawn in the graph (a Uniform random variable, as in Edward's tutorial), or
 * a WGAN-GP whose penalty also draws in the graph, resumed from a checkpoint takes exactly the
 * losses of an uninterrupted run: weights, Adam's slots and beta powers, the iteration counter and
 * the random step all come back.
 */
class ResumeFromCheckpointTest {

  private static final int M = 16;
  private static final int UPDATES = 36;
  private static final int SAVED_AT = 17;

  @TempDir Path dir;

  /** One training run: the model, its inference and the data placeholder. */
  private record Run(ModelContext ctx, Inference<?> inference, ContextPlaceholder<TFloat32> xPh) implements AutoCloseable {

    static Run build() {
      return build(false);
    }

    /** The GAN, or with {@code wgan} a WGAN-GP whose penalty draws interpolation points in the graph. */
    static Run build(boolean wgan) {
      ModelContext ctx = ModelContext.withSeed(11);
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(M, 1));
      VariableScope gen = ctx.scope("Gen");
      Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(M, 2).build();
      Operand<TFloat32> h = TestNets.dense(gen, eps, 8, gen.tf().math::tanh);
      Operand<TFloat32> x = TestNets.dense(gen, h, 1, UnaryOperator.identity());
      Discriminator d = (s, in) -> TestNets.mlp(s, in, 8);
      Inference<?> inference;
      if (wgan) {
        WGANInference w = new WGANInference(Map.of(x, xPh), d);
        w.initialize(WganOptions.builder().penalty(10).nIter(UPDATES).nPrint(0)
            .optimizer(Adam.builder().learningRate(0.01).build()).optimizerD(Adam.builder().learningRate(0.01).build()).build());
        inference = w;
      } else {
        GANInference g = new GANInference(Map.of(x, xPh), d);
        g.initialize(GanOptions.builder().nIter(UPDATES).nPrint(0)
            .optimizer(Adam.builder().learningRate(0.01).build()).optimizerD(Adam.builder().learningRate(0.01).build()).build());
        inference = g;
      }
      return new Run(ctx, inference, xPh);
    }

    /** Updates {@code from} .. {@code to - 1}; the data of update i depends on i only. */
    double[] train(int from, int to) {
      double[] losses = new double[2 * (to - from)];
      for (int i = from; i < to; i++) {
        Random r = new Random(1000 + i);
        float[] batch = new float[M];
        for (int k = 0; k < M; k++) {
          batch[k] = (float) (3 + 0.5 * r.nextGaussian());
        }
        UpdateInfo info = inference.update(Map.of(xPh, batch));
        losses[2 * (i - from)] = info.loss();
        losses[2 * (i - from) + 1] = info.lossD();
      }
      return losses;
    }

    @Override
    public void close() {
      inference.close();
      ctx.close();
    }
  }

  @Test
  void aResumedWganGpTakesTheLossesOfAnUninterruptedOne() {
    double[] uninterrupted;
    try (Run a = Run.build(true)) {
      uninterrupted = a.train(0, UPDATES);
    }
    try (Run b = Run.build(true)) {
      b.train(0, SAVED_AT);
      Checkpoints.save(b.ctx(), dir);
    }
    try (Run c = Run.build(true)) {
      Checkpoints.restore(c.ctx(), dir);
      c.inference().restoreIteration();
      assertArrayEquals(Arrays.copyOfRange(uninterrupted, 2 * SAVED_AT, 2 * UPDATES), c.train(SAVED_AT, UPDATES));
    }
  }

  @Test
  void resumedRunTakesTheLossesOfAnUninterruptedOne() {
    double[] uninterrupted;
    try (Run a = Run.build()) {
      uninterrupted = a.train(0, UPDATES);
    }
    double[] expectedTail = Arrays.copyOfRange(uninterrupted, 2 * SAVED_AT, 2 * UPDATES);
    try (Run b = Run.build()) {
      double[] head = b.train(0, SAVED_AT);
      assertArrayEquals(Arrays.copyOf(uninterrupted, 2 * SAVED_AT), head);
      Checkpoints.save(b.ctx(), dir);
      assertArrayEquals(expectedTail, b.train(SAVED_AT, UPDATES), "saving must not disturb the run");
    }
    try (Run c = Run.build()) {
      CheckpointReader restored = Checkpoints.restore(c.ctx(), dir);
      assertEquals(SAVED_AT, c.inference().restoreIteration());
      assertEquals(restored.randomStep().getAsLong(), c.ctx().randomStep());
      // Bitwise: the same ops on the same values and the same noise, on the same machine.
      assertArrayEquals(expectedTail, c.train(SAVED_AT, UPDATES));
      assertEquals(UPDATES, c.inference().iteration());
    }
    try (Run d = Run.build()) {
      Checkpoints.restore(d.ctx(), dir);
      d.inference().restoreIteration();
      d.ctx().setRandomStep(0);
      assertFalse(Arrays.equals(expectedTail, d.train(SAVED_AT, UPDATES)),
          "with other noise the losses must differ, or this test could not see a lost random step");
    }
  }
}
