package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.CheckpointEntry;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.savedmodel.ExportedFunction;
import org.edward4j.core.savedmodel.SavedModelExport;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.inferences.latent.LatentGanEstimator;
import org.edward4j.inferences.latent.LatentGanParams;
import org.edward4j.inferences.latent.LatentGanResult;
import org.edward4j.inferences.latent.LatentLosses;
import org.edward4j.models.Uniform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The documentation's examples of checkpoints, SavedModel export and the latent GAN estimator,
 * copied between the marked lines with their paths pointed at a temporary directory, run against
 * Edward's (untrained) MNIST GAN so they compile and do what they say.
 */
class CheckpointingJavadocExamplesTest {

  @TempDir Path tmp;

  /** Edward's GAN tutorial model, initialized; returns the inference. */
  private static GANInference tutorial(ModelContext ctx) {
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(GanExample.M, 784));
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(GanExample.M, GanExample.D).build();
    Operand<TFloat32> x = GanExample.generativeNetwork(gen, eps);
    GANInference inference = new GANInference(Map.of(x, xPh), GanExample::discriminativeNetwork);
    inference.initialize(GanOptions.builder().optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build());
    return inference;
  }

  @Test
  void checkpointsSaverAndReader() {
    Path dir = tmp.resolve("gan/checkpoints");
    try (ModelContext ctx = ModelContext.withSeed(1); ModelContext other = ModelContext.withSeed(2)) {
      GANInference inference = tutorial(ctx);
      tutorial(other);
      // --- Saver
      Saver saver = Saver.builder(ctx).maxToKeep(3).build();
      Path prefix = saver.save(dir, inference.iteration());        // dir/ckpt-1000
      // ... later, in a fresh context with the same model built:
      CheckpointReader restored = saver.restore(dir);              // the latest checkpoint
      // --- end
      assertEquals(dir.toAbsolutePath().resolve("ckpt-0"), prefix);
      // --- Checkpoints
      Checkpoints.save(ctx, dir);          // all variables, next number
      Checkpoints.restore(other, dir, "Gen"); // only the generator
      Checkpoints.latest(dir);              // Optional[.../ckpt-1]
      // --- end
      assertEquals(Optional.of(dir.toAbsolutePath().resolve("ckpt-1")), Checkpoints.latest(dir));
      // --- CheckpointReader
      CheckpointReader reader = CheckpointReader.open(dir);
      reader.variables().forEach(System.out::println);   // Gen/dense/kernel float32 [100, 128] ...
      float[] kernel = reader.floats("Gen/dense/kernel");
      long step = reader.randomStep().orElse(0);
      // --- end
      assertEquals(100 * 128, kernel.length);
      assertTrue(reader.variables().stream().map(CheckpointEntry::toString).anyMatch("Gen/dense/kernel float32 [100, 128]"::equals));
      assertTrue(step >= 0 && restored.prefix().endsWith("ckpt-0"));
    }
  }

  @Test
  void savedModelExportAndLatentGanEstimator() throws Exception {
    Path checkpoints = tmp.resolve("gan/checkpoints");
    Path savedModel = tmp.resolve("gan/saved_model");
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      tutorial(ctx);
      Checkpoints.save(ctx, checkpoints);
    }
    // --- SavedModelExport
    SavedModelExport.to(savedModel)
        .weightsFrom(checkpoints)
        .function(ExportedFunction.of("generate", "Gen", GanExample::generativeNetwork)
            .input("z", Shape.of(-1, 100)).output("x"))
        .export();
    try (SavedModelBundle model = SavedModelBundle.load(savedModel.toString(), "serve");
         TFloat32 z = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[1][100])); // the zero code
         Result x = model.function("generate").call(Map.<String, Tensor>of("z", z))) {
      float pixel = ((TFloat32) x.get("x").orElseThrow()).getFloat(0, 0);
      // --- end
      assertTrue(pixel > 0 && pixel < 1, "a sigmoid output: " + pixel);
    }
    float[][] targets = new float[16][784];
    // --- LatentGanEstimator
    try (LatentGanEstimator estimator = LatentGanEstimator.builder()
        .generator(GanExample::generativeNetwork)
        .discriminator(GanExample::discriminativeNetwork)
        .loss(LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.001)))
        .params(LatentGanParams.builder().batchSize(16).zShape(100).learningRate(0.05).build())
        .warmStartFrom(checkpoints)
        .build()) {
      LatentGanResult result = estimator.fit(targets, 5); // targets: 16 rows of 784 pixels
      // --- end
      assertEquals(16, result.z().length);
      assertEquals(6, result.lossCurves()[0].length);
      // The estimator's generator is the saved one: the same image at the same code as the SavedModel.
      float[][] codes = new float[16][100];
      float[][] images = estimator.generate(codes);
      try (SavedModelBundle model = SavedModelBundle.load(savedModel.toString(), "serve");
          TFloat32 z = TFloat32.tensorOf(StdArrays.ndCopyOf(codes));
          Result x = model.function("generate").call(Map.<String, Tensor>of("z", z))) {
        TFloat32 served = (TFloat32) x.get("x").orElseThrow();
        float[] row = new float[784];
        for (int j = 0; j < 784; j++) {
          row[j] = served.getFloat(3, j);
        }
        assertArrayEquals(images[3], row);
      }
    }
  }
}
