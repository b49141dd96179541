package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.GradientDescent;
import org.edward4j.datasets.GraphMinibatches;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.MnistSplit;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.models.Uniform;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Issue 16: a GAN trained on in-graph batches takes one batch per update (both sides in the same
 * run) and trains to the same weights as the same GAN fed the same batches from Java.
 */
class GraphInputTest {

  private static final int N = 12;
  private static final int PIXELS = 4;
  private static final int M = 5;

  private static MnistSplit split() {
    byte[] pixels = new byte[N * PIXELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) ((i * 53 + 7) % 256);
    }
    return MnistSplit.of("tiny", 2, 2, pixels, new int[N]);
  }

  private static Operand<TFloat32> generator(ModelContext ctx) {
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(M, 3).build();
    return Layers.dense(gen, eps, PIXELS, DenseOptions.builder().activation(Activation.sigmoid()).build());
  }

  private static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope, x, 1);
  }

  private static GanOptions options() {
    return GanOptions.builder().nPrint(0).optimizer(GradientDescent.create(0.1)).optimizerD(GradientDescent.create(0.1)).build();
  }

  @Test
  void inGraphBatchesTrainExactlyAsFedBatches() {
    int updates = 7;
    float[] fedWeights;
    try (ModelContext ctx = ModelContext.withSeed(11)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(M, PIXELS));
      // The in-graph stream's position variable draws one op seed (every variable's initializer
      // does); draw it here too, so both runs give the model's variables the same seeds.
      ctx.nextOpSeed();
      GANInference gan = new GANInference(Map.of(generator(ctx), xPh), GraphInputTest::discriminator);
      gan.initialize(options());
      Minibatches batches = Minibatches.over(split(), M).build();
      float[] x = batches.newImageBuffer();
      for (int t = 0; t < updates; t++) {
        batches.next(x);
        gan.update(Map.of(xPh, x));
      }
      fedWeights = ctx.eval(ctx.variables().get("Gen/dense/kernel").orElseThrow()).data();
    }
    try (ModelContext ctx = ModelContext.withSeed(11)) {
      GraphMinibatches data = GraphMinibatches.over(ctx.scope("data"), split(), M, false);
      GANInference gan = new GANInference(Map.of(generator(ctx), data.images()), GraphInputTest::discriminator);
      gan.initialize(options());
      for (int t = 0; t < updates; t++) {
        gan.update();
      }
      assertEquals((long) updates * M, ctx.eval(data.position()).longs()[0], "one batch per update, both sides included");
      assertArrayEquals(fedWeights, ctx.eval(ctx.variables().get("Gen/dense/kernel").orElseThrow()).data(), 1e-6f);
    }
  }
}
