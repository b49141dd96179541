package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.edward4j.core.ModelContext;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.inferences.Discriminator;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The Javadoc examples of this package, written out so they compile and run. */
class SparkJavadocExamplesTest {

  @TempDir Path dir;

  @Test
  void modelFunctionExample() {
    // From ModelFunction's Javadoc:
    ModelFunction gan = new GanTutorialModel(128);
    try (ModelContext ctx = ModelContext.withSeed(1); TrainingReplica replica = gan.build(ctx)) {
      replica.parameters().forEach(System.out::println);
      assertEquals("Gen/dense/kernel", replica.parameters().get(0).name());
      assertTrue(replica.optimizerState().stream().anyMatch(v -> v.name().equals("Adam/Gen/dense/kernel/m")));
    }
  }

  @Test
  void inferenceReplicaExample() {
    Discriminator discriminator = (scope, in) -> Layers.dense(scope, in, 1);
    GanOptions options = GanOptions.builder().nIter(1).nPrint(0).optimizer(Adam.builder().build())
        .optimizerD(Adam.builder().build()).build();
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      // From InferenceReplica's Javadoc:
      Operand<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(128, 784));
      Operand<TFloat32> x = GanTutorialModel.generator(ctx, 128);
      GANInference inference = new GANInference(Map.of(x, xPh), discriminator);
      inference.initialize(options);
      try (TrainingReplica replica = InferenceReplica.of(inference, xPh)) {
        Map<String, Double> losses = replica.update(new Minibatch(128, 784, new float[128 * 784]));
        assertEquals(List.of("loss", "loss_d"), List.copyOf(new java.util.TreeMap<>(losses).keySet()));
      }
    }
  }

  @Test
  void optionsAndParameterAveragingExamples() {
    // From AveragingOptions' Javadoc (with fewer rounds):
    AveragingOptions options = AveragingOptions.builder()
        .rounds(2).updatesPerRound(10).batchSize(8)
        .partitions(2).averageOptimizerState(true).seed(42)
        .checkpointDirectory(dir.resolve("checkpoints"))
        .build();
    ModelFunction model = LinearRegressionModel.sgd(3, 8, 0.05);
    JavaRDD<float[]> rows = LocalSpark.get().parallelize(Arrays.asList(ParameterAveragingExactnessTest.rows(64, 9)));
    // From ParameterAveraging's Javadoc:
    AveragingResult result = ParameterAveraging.of(model, options)
        .onRound(report -> System.out.println(report))
        .fit(rows);
    float[] kernel = result.state().values("regression/w");
    assertEquals(3, kernel.length);
    assertEquals(2, result.reports().size());
    assertTrue(result.reports().get(0).toString().startsWith("round 1/2: 20 updates on 2 replicas, loss "),
        result.reports().get(0).toString());
  }

  @Test
  void minibatchesCheckTheirSize() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Minibatch(2, 3, new float[5]));
    assertEquals("`values` must hold size * width = 6 floats, got 5", e.getMessage());
  }
}
