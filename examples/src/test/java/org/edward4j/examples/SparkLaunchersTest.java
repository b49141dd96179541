package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.spark.GanTutorialModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/edward spark sweep} and {@code spark invert} end to end at a small size on {@code
 * local[2]}: exit code 0, the files they promise, and figures with known answers.
 */
class SparkLaunchersTest {

  @TempDir Path dir;

  @Test
  void sweepWritesTheTableAndItsBestConfigurationIsTheExactPosterior() throws IOException {
    Path out = dir.resolve("sweep");
    CommandLineErrorsTest.Run run = CommandLineErrorsTest.run("spark", "sweep", "--scales", "0.5,1,3", "--k", "5",
        "--rows", "200", "--batch-size", "50", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals("index,config,status,error,seconds,nll,standard_error,exact_nll,gap,abs_gap,proposal_sd", csv.get(0));
    assertEquals(4, csv.size(), "a header and one row per configuration: " + csv);
    JsonNode rows = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
    assertEquals(3, rows.size());
    double[] gaps = new double[3];
    for (int i = 0; i < 3; i++) {
      JsonNode row = rows.get(i);
      assertEquals(i, row.get("index").asInt());
      assertEquals("ok", row.get("status").asText());
      gaps[i] = row.get("metrics").get("gap").asDouble();
    }
    assertEquals("scale=1.0 K=5", rows.get(1).get("config").asText());
    // At the posterior's width every weight is p(x): exact up to float32 rounding (ProposalSweepTest).
    assertEquals(0.0, gaps[1], 5e-5);
    // Any other width gives a lower bound of log p(x), so an NLL above the closed form: by
    // var(w) / 2K = (9 / sqrt(17) - 1) / 10 = 0.12 at scale 3, far above the rows' Monte Carlo
    // error (sqrt(var / K / 200) = 0.027); at scale 0.5 the weights' variance is infinite.
    assertTrue(gaps[0] > 0 && gaps[2] > 0, "gaps " + java.util.Arrays.toString(gaps));
    assertTrue(Files.list(out).allMatch(p -> p.getFileName().toString().startsWith("sweep.")), "no temporary files left");
  }

  @Test
  void invertWritesEveryDigitsCodeAndTheSearchLowersTheError() throws IOException {
    OfflineMnist.assumeCached();
    Path checkpoints = dir.resolve("checkpoints");
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      ctx.eval(GanTutorialModel.generator(ctx, 4));
      Checkpoints.save(ctx, checkpoints);
    }
    double before = meanError(invert(checkpoints, 0));
    double after = meanError(invert(checkpoints, 40));
    System.out.printf("mean reconstruction error: %.5f from the random starts, %.5f after 40 steps%n", before, after);
    assertTrue(after < before, "40 Adam steps on the codes must lower the mean error " + before + ", got " + after);
  }

  /** Runs the command on the first 6 test digits in 2 partitions and reads its CSV rows back. */
  private List<String[]> invert(Path checkpoints, int steps) throws IOException {
    Path out = dir.resolve("invert-" + steps);
    CommandLineErrorsTest.Run run = CommandLineErrorsTest.run("spark", "invert", "--checkpoint", checkpoints.toString(),
        "--count", "6", "--partitions", "2", "--batch-size", "4", "--steps", Integer.toString(steps), "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    List<Path> files;
    try (var listing = Files.list(out.resolve("codes"))) {
      files = listing.sorted().toList();
    }
    assertEquals(List.of(out.resolve("codes/part-00000.csv"), out.resolve("codes/part-00001.csv")), files,
        "one file per partition and no temporary files");
    List<String[]> rows = new ArrayList<>();
    TreeSet<Integer> indices = new TreeSet<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      assertTrue(lines.get(0).startsWith("index,loss,reconstruction_error,z0,z1,"), lines.get(0));
      assertTrue(lines.get(0).endsWith(",z99"), "100 code components");
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        assertEquals(103, cells.length, line);
        indices.add(Integer.parseInt(cells[0]));
        double loss = Double.parseDouble(cells[1]);
        double error = Double.parseDouble(cells[2]);
        // The default loss is the pixel MSE, computed by the graph in float32.
        assertEquals(error, loss, 1e-5 * error + 1e-7, line);
        for (int j = 3; j < cells.length; j++) {
          double z = Double.parseDouble(cells[j]);
          assertTrue(Math.abs(z) <= 1.0, "code component within --clip 1: " + z);
        }
        rows.add(cells);
      }
    }
    assertEquals(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5)), indices);
    return rows;
  }

  private static double meanError(List<String[]> rows) {
    return rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).average().orElseThrow();
  }
}
