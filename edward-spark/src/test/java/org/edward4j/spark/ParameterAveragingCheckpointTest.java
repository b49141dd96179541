package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver checkpoints after every round in TensorFlow's format; a job started again on the
 * same directory resumes after the last round and ends exactly where an uninterrupted job ends,
 * because a round is a pure function of the averaged state, the partition and the seed.
 */
class ParameterAveragingCheckpointTest {

  @Test
  void aJobStoppedAfterTwoRoundsResumesToTheUninterruptedResult(@TempDir Path dir) {
    LinearRegressionModel model = new LinearRegressionModel(3, 8, 0.02, true, false);
    JavaRDD<float[]> rows = LocalSpark.get().parallelize(Arrays.asList(ParameterAveragingExactnessTest.rows(40, 5)), 2);

    AveragingResult uninterrupted = ParameterAveraging.of(model, options(4, null)).fit(rows);

    AveragingResult first = ParameterAveraging.of(model, options(2, dir)).fit(rows);
    assertEquals(0, first.resumedFrom());
    assertEquals(Path.of("ckpt-2"), Checkpoints.latest(dir).orElseThrow().getFileName());
    CheckpointReader reader = CheckpointReader.open(dir);
    assertEquals(2L, reader.metadata().get(DriverModel.ROUND_KEY));
    assertTrue(reader.entry("regression/w").isPresent(), reader.variables().toString());

    AveragingResult resumed = ParameterAveraging.of(model, options(4, dir)).fit(rows);
    assertEquals(2, resumed.resumedFrom());
    assertEquals(List.of(3L, 4L), resumed.reports().stream().map(RoundReport::round).toList());
    assertArrayEquals(uninterrupted.state().values("regression/w"), resumed.state().values("regression/w"));
    assertArrayEquals(uninterrupted.state().values("regression/b"), resumed.state().values("regression/b"));
    assertArrayEquals(uninterrupted.state().values("Adam/regression/w/m"), resumed.state().values("Adam/regression/w/m"));

    // A job whose rounds are all done trains nothing more.
    AveragingResult done = ParameterAveraging.of(model, options(4, dir)).fit(rows);
    assertEquals(4, done.resumedFrom());
    assertEquals(List.of(), done.reports());
  }

  private static AveragingOptions options(int rounds, Path dir) {
    AveragingOptions.Builder b = AveragingOptions.builder()
        .rounds(rounds).updatesPerRound(3).batchSize(8).seed(11).averageOptimizerState(true);
    return (dir == null ? b : b.checkpointDirectory(dir)).build();
  }
}
