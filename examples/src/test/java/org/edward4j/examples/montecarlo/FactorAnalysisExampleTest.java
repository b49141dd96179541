package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward factor-analysis} on a drawn image (no MNIST needed), 3 epochs of 300 iterations. */
class FactorAnalysisExampleTest {

  @TempDir Path out;

  @Test
  void theMStepFitsTheImage() throws Exception {
    FactorAnalysisCommand args = ScriptRuns.parse(new FactorAnalysisCommand(), out, "--iterations-per-epoch", "300",
        "--epochs", "4", "--seed", "31");
    args.check();
    // A ring: 1 inside a band of radii [6, 10] around the centre, 0 elsewhere (about 200 on-pixels).
    float[] image = new float[28 * 28];
    for (int r = 0; r < 28; r++) {
      for (int c = 0; c < 28; c++) {
        double radius = Math.hypot(r - 13.5, c - 13.5);
        image[r * 28 + c] = radius >= 6 && radius <= 10 ? 1f : 0f;
      }
    }
    List<Double> losses = FactorAnalysisExample.run(args, image).epochLosses();
    assertEquals(3, losses.size(), "Edward's script runs epochs - 1 epochs");
    // Untrained (Glorot weights, zero bias, z ~ N(0, I)) a pixel costs about log 2, the image 784
    // log 2 = 543 nats, plus the prior's 10 log sqrt(2 pi) = 9.2. The M-step moves each bias by up
    // to 0.01 per Adam step, so after 900 steps a pixel's logit can be 9 units on the right side
    // (softplus(-9) = 1e-4 nats): a fit is far below a fifth of the untrained 543, 100 nats, and
    // each epoch improves on the one before.
    assertTrue(losses.get(2) < 100 && losses.get(2) < losses.get(1) && losses.get(1) < losses.get(0),
        "losses per epoch " + losses);
    assertTrue(Files.size(out.resolve("epoch_02.png")) > 0);
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new FactorAnalysisCommand(), "--epochs", "1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--epochs must be at least 2 (Edward's script runs epochs - 1), got 1"), r.err());
  }
}
