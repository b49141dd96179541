package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.OptimizerName;
import org.edward4j.models.Uniform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The class documentation's examples of the GAN family and of the options records, copied verbatim
 * between the marked lines so they compile ({@link JavadocExamplesCoverageTest} checks that every
 * example is here), with a check of what each promises.
 */
class AdversarialJavadocExamplesTest {

  ModelContext ctx;
  ContextPlaceholder<TFloat32> xPh;
  ContextPlaceholder<TFloat32> zPh;
  Operand<TFloat32> z;
  float[] batch = new float[12];

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(5);
    xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 3));
    zPh = ctx.placeholder(TFloat32.class, Shape.of(4, 2));
    z = Uniform.builder(ctx.scope("noise")).low(-1.0).high(1.0).sampleShape(4, 2).build();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  static Operand<TFloat32> generativeNetwork(VariableScope scope, Operand<TFloat32> z) {
    return Layers.dense(scope, z, 3);
  }

  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z) {
    return Layers.dense(scope, z, 3);
  }

  static Operand<TFloat32> encoder(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope, x, 2);
  }

  static Operand<TFloat32> discriminativeNetwork(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope, x, 1);
  }

  static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x, Operand<TFloat32> z) {
    return Layers.dense(scope, scope.tf().concat(List.of(x, z), scope.tf().constant(1)), 1);
  }

  @Test
  void ganInference() {
    // --- GANInference
    VariableScope gen = ctx.scope("Gen");
    Operand<TFloat32> x = generativeNetwork(gen, z);
    GANInference inference = new GANInference(Map.of(x, xPh), (scope, in) -> discriminativeNetwork(scope, in));
    inference.initialize(GanOptions.builder().optimizer(Adam.builder().build())
        .optimizerD(Adam.builder().build()).build());
    UpdateInfo info = inference.update(Map.of(xPh, batch));
    // ---
    assertEquals(1, info.t());
    assertTrue(Double.isFinite(info.loss()) && Double.isFinite(info.lossD()), info.toString());
  }

  @Test
  void discriminator() {
    Operand<TFloat32> xFake = generativeNetwork(ctx.scope("Gen"), z);
    // --- Discriminator
    Discriminator d = (scope, x) -> {
      Operand<TFloat32> h = Layers.dense(scope, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
      return Layers.dense(scope, h, 1);
    };
    // ---
    GANInference inference = new GANInference(Map.of(xFake, xPh), d);
    inference.initialize();
    assertEquals(4, inference.trainedVariables(Side.DISC).size(), "two dense layers, kernel and bias each");
  }

  @Test
  void biganInferenceAndJointDiscriminator() {
    // --- BiGANInference
    VariableScope gen = ctx.scope("Gen");
    Operand<TFloat32> xGenerated = generator(gen.child("generator"), zPh);
    Operand<TFloat32> zEncoded = encoder(gen.child("encoder"), xPh);
    BiGANInference inference = new BiGANInference(
        Map.of(zPh, zEncoded), Map.of(xGenerated, xPh), (scope, x, z) -> discriminator(scope, x, z));
    // ---
    inference.initialize(GanOptions.builder().nPrint(0).build());
    assertEquals(4, inference.trainedVariables(Side.GEN).size(), "generator and encoder kernels and biases");
    // --- JointDiscriminator
    JointDiscriminator d = (scope, x, z) ->
        Layers.dense(scope, scope.tf().concat(List.of(x, z), scope.tf().constant(1)), 1);
    // ---
    Operand<TFloat32> logits = d.apply(ctx.scope("other"), xPh, zPh);
    assertEquals(Shape.of(4, 1), logits.shape());
  }

  @Test
  void wganInferenceAndOptions() {
    Operand<TFloat32> x = generativeNetwork(ctx.scope("Gen"), z);
    Discriminator critic = (scope, in) -> discriminativeNetwork(scope, in);
    // --- WGANInference
    WGANInference inference = new WGANInference(Map.of(x, xPh), critic);
    inference.initialize(WganOptions.builder().penalty(10).nCritic(5).build());
    // ---
    assertEquals(WganOptions.builder().penalty(10).nCritic(5).build(), inference.options().orElseThrow());
    // --- WganOptions
    WganOptions options = WganOptions.builder().penalty(10).nCritic(5).build();
    // ---
    assertEquals(5, options.nCritic());
    assertEquals(10.0, options.penalty());
  }

  @Test
  void inferenceOptionsAndGanOptions() {
    Operand<TFloat32> x = generativeNetwork(ctx.scope("Gen"), z);
    GANInference inference = new GANInference(Map.of(x, xPh), (scope, in) -> discriminativeNetwork(scope, in));
    // --- InferenceOptions
    inference.initialize(GanOptions.builder()
        .nIter(15000).nPrint(1000)
        .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build())
        .build());
    // ---
    assertEquals(15000, inference.nIter());
    assertEquals(1000, inference.nPrint());
    // --- GanOptions
    GanOptions options = GanOptions.builder().nIter(15000).nPrint(1000)
        .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build();
    // ---
    assertEquals(OptionalInt.of(15000), options.run().nIter());
    assertTrue(options.generator().optimizer().isPresent() && options.discriminator().optimizer().isPresent());
  }

  @Test
  void variationalAndMonteCarloOptions() {
    {
      // --- KLqpOptions
      KLqpOptions options = KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build();
      // ---
      assertEquals(5, options.nSamples());
    }
    {
      // --- VariationalOptions
      VariationalOptions options = VariationalOptions.builder().nIter(500).optimizer(OptimizerName.parse("adam")).build();
      // ---
      assertEquals(OptimizerName.ADAM, options.optimizer().name().orElseThrow());
    }
    {
      // --- WakeSleepOptions
      WakeSleepOptions options = WakeSleepOptions.builder().phaseQ(PhaseQ.SLEEP).nSamples(2).build();
      // ---
      assertEquals(PhaseQ.SLEEP, options.phaseQ());
    }
    {
      // --- MonteCarloOptions
      MonteCarloOptions options = MonteCarloOptions.builder().nPrint(100).build();
      // ---
      assertTrue(options.run().nIter().isEmpty(), "nIter left to the sampler: its number of samples T");
    }
  }
}
