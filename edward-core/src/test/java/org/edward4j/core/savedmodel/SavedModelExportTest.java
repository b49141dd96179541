package org.edward4j.core.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.CheckpointMismatchException;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SavedModelExportTest {

  @TempDir Path dir;

  /** A BiGAN-shaped pair: generator 3 -> 8 -> 5 and encoder 5 -> 3, both under Gen. */
  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z) {
    VariableScope g = scope.child("generator");
    Operand<TFloat32> h = Layers.dense(g, z, 8, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(g, h, 5, DenseOptions.builder().activation(Activation.sigmoid()).build());
  }

  static Operand<TFloat32> encoder(VariableScope scope, Operand<TFloat32> x) {
    return Layers.dense(scope.child("encoder"), x, 3);
  }

  /** The encoder plus noise drawn from the context's stateless stream, as BiGAN's encoder has. */
  static Operand<TFloat32> noisyEncoder(VariableScope scope, Operand<TFloat32> x) {
    Ops tf = scope.tf();
    Operand<TFloat32> mean = encoder(scope, x);
    ModelContext ctx = scope.context();
    return tf.math.add(mean, tf.math.mul(tf.constant(0.1f),
        tf.random.statelessRandomNormal(tf.shape(mean), ctx.statelessSeed(tf, ctx.nextOpSeed()))));
  }

  private static final float[] Z = {0.1f, -0.7f, 0.3f, 1.5f, 0.0f, -2.0f};
  private static final float[] X = {0.1f, 0.9f, 0.5f, 0.2f, 0.3f, 0.6f, 0.0f, 1.0f, 0.4f, 0.7f};

  @Test
  void exportedGeneratorAndEncoderComputeExactlyWhatTheTrainedOnesDo() throws Exception {
    float[] xExpected;
    float[] zExpected;
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Placeholder<TFloat32> zPh = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Placeholder<TFloat32> xPh = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
      Operand<TFloat32> x = generator(ctx.scope("Gen"), zPh);
      Operand<TFloat32> z = encoder(ctx.scope("Gen"), xPh);
      try (TFloat32 zt = tensor(Z, 2, 3); TFloat32 xt = tensor(X, 2, 5)) {
        xExpected = ctx.eval(x, Map.of(zPh, zt)).data();
        zExpected = ctx.eval(z, Map.of(xPh, xt)).data();
      }
      Checkpoints.save(ctx, dir.resolve("ckpt"));
    }
    Path model = SavedModelExport.to(dir.resolve("model"))
        .weightsFrom(dir.resolve("ckpt"))
        .function(ExportedFunction.of("generate", "Gen", SavedModelExportTest::generator).input("z", Shape.of(-1, 3)).output("x"))
        .function(ExportedFunction.of("encode", "Gen", SavedModelExportTest::encoder).input("x", Shape.of(-1, 5)).output("z"))
        .export();
    assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(model.resolve("variables/variables.index")));
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
      assertEquals(Set.of("generate", "encode"), Set.copyOf(bundle.signatures().stream().map(s -> s.key()).toList()));
      // Bitwise equality: the same kernels on the same inputs in the same runtime.
      assertArrayEquals(xExpected, call(bundle, "generate", "z", "x", tensor(Z, 2, 3)));
      assertArrayEquals(zExpected, call(bundle, "encode", "x", "z", tensor(X, 2, 5)));
    }
  }

  @Test
  void aRandomFunctionExportsDeterministicallyWithoutTheRandomStep() throws Exception {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Placeholder<TFloat32> xPh = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
      encoder(ctx.scope("Gen"), xPh);
      Path model = SavedModelExport.to(dir.resolve("model")).weightsFrom(ctx)
          .function(ExportedFunction.of("encode", "Gen", SavedModelExportTest::noisyEncoder).input("x", Shape.of(-1, 5)).output("z"))
          .export();
      try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
        float[] first = call(bundle, "encode", "x", "z", tensor(X, 2, 5));
        assertArrayEquals(first, call(bundle, "encode", "x", "z", tensor(X, 2, 5)));
        TensorValue mean;
        try (TFloat32 xt = tensor(X, 2, 5)) {
          mean = ctx.eval(encoder(ctx.scope("Gen", org.edward4j.core.Reuse.REUSE), xPh), Map.of(xPh, xt));
        }
        for (int i = 0; i < first.length; i++) {
          // noise of scale 0.1: |z - mean| beyond 0.6 is a six-sigma event
          assertEquals(mean.data()[i], first[i], 0.6, "noise, not another function");
        }
      }
    }
  }

  @Test
  void missingWeightsAreNamedAndAFailedExportKeepsThePreviousModel() throws Exception {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      encoder(ctx.scope("Gen"), ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5))));
      Checkpoints.save(ctx, dir.resolve("ckpt"));
      SavedModelExport.to(dir.resolve("model")).weightsFrom(ctx)
          .function(ExportedFunction.of("encode", "Gen", SavedModelExportTest::encoder).input("x", Shape.of(-1, 5))).export();
    }
    byte[] before = Files.readAllBytes(dir.resolve("model/saved_model.pb"));
    CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
        () -> SavedModelExport.to(dir.resolve("model")).weightsFrom(dir.resolve("ckpt"))
            .function(ExportedFunction.of("generate", "Gen", SavedModelExportTest::generator).input("z", Shape.of(-1, 3)))
            .export());
    assertTrue(e.missing().contains("Gen/generator/dense/kernel"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("model/saved_model.pb")));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "scratch directories must go");
    }
  }

  private static float[] call(SavedModelBundle bundle, String key, String in, String out, TFloat32 input) {
    try (input; Result r = bundle.function(key).call(Map.of(in, (Tensor) input))) {
      return TensorValue.copyOf(r.get(out).orElseThrow()).data();
    }
  }

  private static TFloat32 tensor(float[] values, int rows, int cols) {
    return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(values, true, false));
  }
}
