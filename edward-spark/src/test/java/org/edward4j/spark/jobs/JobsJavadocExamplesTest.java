package org.edward4j.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.inferences.latent.LatentGanParams;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** The Javadoc examples of {@code org.edward4j.spark.jobs}, written out so that they compile and run (at small sizes). */
class JobsJavadocExamplesTest {

  @TempDir Path dir;

  /** From SweepFunction's Javadoc. */
  record Config(double learningRate, int hidden) implements Serializable {}

  @Test
  void chainExamples() throws Exception {
    JavaSparkContext sc = LocalSpark.get();
    // ChainModel:
    ChainModel model = new NormalNormalChains(50, 0.5, 7L, 1000, 0.1, 5, 2.0);
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ChainSetup<?> setup = model.build(ctx, 0);
      System.out.println(setup.draws().keySet());
      assertEquals(List.of("mu"), List.copyOf(setup.draws().keySet()));
    }
    // ChainSetup:
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(3).build();
      Variable<TFloat32> qmuParams = ctx.scope("q").getVariable("qmu", Shape.of(10), Initializers.zeros());
      Empirical qmu = Empirical.of(ctx.scope("q"), qmuParams);
      var xData = ctx.tf().constant(new float[] {1, 2, 3});
      HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, xData));
      ChainSetup<HmcOptions> setup = ChainSetup.of(hmc, HmcOptions.builder().stepSize(0.1).nSteps(5).nPrint(0).build(),
          Map.of("mu", qmuParams));
      assertEquals(1, setup.draws().size());
    }
    // ChainsOptions and ParallelChains (fewer draws):
    ChainsOptions options = ChainsOptions.builder().chains(2).burnIn(20).seed(42).build();
    ChainsResult result = ParallelChains.of(new NormalNormalChains(50, 0.5, 7L, 60, 0.1, 5, 2.0), options).run(sc);
    double rhat = result.splitRhat("mu", 0);
    double mcse = result.mcse("mu", 0);
    // ChainsResult:
    System.out.println(result);
    boolean mixed = result.splitRhat("mu", 0) < 1.01;
    assertTrue(rhat > 0 && mcse > 0, result.toString());
    assertTrue(result.toString().startsWith("2 chains x 40 draws after a burn-in of 20\nmu: mean "), result.toString());
    assertEquals(mixed, rhat < 1.01);
    // NormalNormalChains:
    NormalNormalChains nn = new NormalNormalChains(50, 0.5, 7L, 1000, 0.1, 5, 2.0);
    double exact = nn.posteriorMean();
    assertEquals(Math.sqrt(1 / 51.0), nn.posteriorSd(), 1e-15);
    assertTrue(Math.abs(exact) < 2);
    // TaskProgress:
    List<String> lines = new ArrayList<>();
    try (TaskProgress progress = TaskProgress.attach(sc, lines::add)) {
      ParallelChains.of(new NormalNormalChains(5, 0.5, 7L, 10, 0.1, 1, 1.0), ChainsOptions.builder().chains(2).build()).run(sc);
      sc.sc().listenerBus().waitUntilEmpty();
    }
    System.out.println(lines);
    assertEquals(2, lines.stream().filter(l -> l.matches("task [12]/2 of stage \\d+ done in .* s on executor driver")).count(), lines.toString());
  }

  @Test
  void likelihoodExamples() {
    JavaSparkContext sc = LocalSpark.get();
    // ImportanceModel:
    ImportanceModel model = new LinearGaussianNll(4, 0.8, 1.0);
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      LikelihoodSetup setup = model.build(ctx, 16);
      System.out.println(setup.input().shape());
      assertEquals(Shape.of(16, 4), setup.input().shape());
      // LikelihoodSetup: the same parts, rebound.
      LikelihoodSetup again = new LikelihoodSetup(setup.latentVars(), setup.data(), setup.input());
      assertEquals(4, again.width());
    }
    // LinearGaussianNll:
    LinearGaussianNll lg = new LinearGaussianNll(4, 0.8, 1.0);
    float[][] rows = lg.rows(40, 7L);
    double exact = lg.logMarginal(rows[0]);
    assertTrue(Double.isFinite(exact));
    // NllOptions and ImportanceNll (smaller K and batches):
    NllOptions options = NllOptions.builder().samples(10).samplesPerRun(5).batchSize(16).seed(42).build();
    JavaRDD<float[]> testRows = sc.parallelize(Arrays.asList(rows), 2);
    NllResult nll = ImportanceNll.of(lg, options).estimate(testRows);
    System.out.println(nll);
    assertTrue(nll.toString().matches("test NLL \\d+\\.\\d{4} \\+- 0\\.\\d{4} nats over 40 rows \\(K=10, 2 partitions\\)"), nll.toString());
  }

  @Test
  void inversionAndSweepExamples() throws IOException {
    JavaSparkContext sc = LocalSpark.get();
    // InversionModel: builds the tutorial generator's graph with codes as input.
    InversionModel model = builder -> builder
        .generator((scope, z) -> Layers.dense(scope,
            Layers.dense(scope, z, 128, DenseOptions.builder().activation(Activation.relu()).build()),
            784, DenseOptions.builder().activation(Activation.sigmoid()).build()))
        .params(LatentGanParams.builder().batchSize(64).zShape(100).learningRate(0.05).build());
    assertEquals(64, model.configure(org.edward4j.inferences.latent.LatentGanEstimator.builder()).build().params().batchSize());
    // InversionOptions, LatentInversion (the tiny generator of LatentInversionTest, few steps):
    Path checkpoints = dir.resolve("checkpoints");
    TinyGenerator.saveCheckpoint(checkpoints);
    InversionOptions options = new InversionOptions(checkpoints, 5, 42);
    LatentInversion job = LatentInversion.of(new TinyGenerator(4, 0.05, 1), options);
    JavaRDD<float[]> images = sc.parallelize(List.of(new float[6], new float[6], new float[6]), 2);
    JavaRDD<InvertedImage> codes = job.invert(images);
    List<Path> files = LatentInversion.writeCsv(codes, dir.resolve("codes"));
    assertEquals(2, files.size());
    // SweepFunction, HyperparameterSweep, SweepResult:
    SweepFunction<Config> score = config -> Map.of("loss", 1.0 / config.hidden() + config.learningRate());
    List<Config> grid = List.of(new Config(0.1, 8), new Config(0.01, 8), new Config(0.1, 32));
    SweepResult<Config> result = HyperparameterSweep.of(score).run(sc, grid);
    result.writeCsv(dir.resolve("sweep.csv"));
    Optional<SweepRow<Config>> best = result.best("loss");
    result.writeJson(dir.resolve("sweep.json"));
    assertEquals(new Config(0.1, 32), best.orElseThrow().config()); // 1/32 + 0.1 = 0.131 < 1/8 + 0.01
  }
}
