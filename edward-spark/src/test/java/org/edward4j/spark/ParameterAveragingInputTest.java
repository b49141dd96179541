package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input fails on the driver with a message naming the argument, the rule and the value. */
class ParameterAveragingInputTest {

  @Test
  void aModelFunctionThatCapturesSomethingUnserializableIsRejectedBeforeSparkSeesIt() {
    Object lock = new Object();
    LinearRegressionModel inner = LinearRegressionModel.sgd(3, 8, 0.1);
    ModelFunction capturing = ctx -> {
      synchronized (lock) {
        return inner.build(ctx);
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterAveraging.of(capturing, AveragingOptions.builder().build()));
    assertTrue(e.getMessage().startsWith("`model` must be serializable"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  @Test
  void partitionsWithFewerExamplesThanABatchAreNamed() {
    List<float[]> rows = new ArrayList<>(Arrays.asList(ParameterAveragingExactnessTest.rows(30, 1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        ParameterAveraging.of(LinearRegressionModel.sgd(3, 16, 0.1),
                AveragingOptions.builder().batchSize(16).rounds(1).updatesPerRound(1).build())
            .fit(LocalSpark.get().parallelize(rows, 2)));
    assertEquals("every partition must hold at least one batch of `batchSize` = 16 examples, but partition 0 has 15,"
        + " partition 1 has 15 (of 2 partitions); use fewer partitions, a smaller batch or more data", e.getMessage());
  }

  @Test
  void anRddWithoutPartitionsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        ParameterAveraging.of(LinearRegressionModel.sgd(3, 4, 0.1), AveragingOptions.builder().batchSize(4).build())
            .fit(LocalSpark.get().<float[]>emptyRDD()));
    assertEquals("`data` must have at least one partition, got an RDD with none", e.getMessage());
  }

  @Test
  void examplesOfDifferentWidthsAreRejected() {
    List<float[]> rows = new ArrayList<>(Arrays.asList(ParameterAveragingExactnessTest.rows(16, 1)));
    rows.set(3, new float[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        ParameterAveraging.of(LinearRegressionModel.sgd(3, 4, 0.1),
                AveragingOptions.builder().batchSize(4).rounds(1).updatesPerRound(1).build())
            .fit(LocalSpark.get().parallelize(rows, 2)));
    assertEquals("every example must have the same width, got widths from 2 to 4", e.getMessage());
  }

  @Test
  void aModelFunctionThatBuildsAnotherGraphOnExecutorsFailsTheJobNamingTheVariable() {
    List<float[]> rows = Arrays.asList(ParameterAveragingExactnessTest.rows(16, 1));
    LinearRegressionModel drifting = new LinearRegressionModel(3, 8, 0.1, false, true);
    ModelMismatchException e = assertThrows(ModelMismatchException.class, () ->
        ParameterAveraging.of(drifting, AveragingOptions.builder().batchSize(8).rounds(1).updatesPerRound(1).build())
            .fit(LocalSpark.get().parallelize(rows, 2)));
    assertEquals(List.of("regression/w: shape [4, 1] here, [3, 1] on the driver"), e.differences());
    assertTrue(e.getMessage().contains("partition " + e.partition()), e.getMessage());
  }

  @Test
  void optionsOutsideTheirRangeNameTheOption() {
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
        () -> AveragingOptions.builder().updatesPerRound(0));
    assertEquals("`updatesPerRound` must be at least 1, got 0", k.getMessage());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> AveragingOptions.builder().partitions(-2));
    assertEquals("`partitions` must be at least 1, got -2", p.getMessage());
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
        () -> new AveragingOptions(1, 1, 0, 0, true, true, 1, null, 5, 2));
    assertEquals("`batchSize` must be at least 1, got 0", b.getMessage());
  }
}
