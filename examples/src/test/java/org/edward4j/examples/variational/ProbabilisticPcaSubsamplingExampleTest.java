package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's probabilistic_pca_subsampling.py at N = 1000 (Edward: 5000), batches of 100, 400 steps. */
class ProbabilisticPcaSubsamplingExampleTest {

  @Test
  void alternatingMinibatchInferencesFindTheTrueAxis() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var r = ProbabilisticPcaSubsamplingExample.run(new ProbabilisticPcaSubsamplingExample.Settings(1000, 100, 2, 1, 400, 42),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("True principal axes:") && printed.contains("Inferred principal axes:"), printed);
    // With K = 1 the maximum-likelihood W is the top eigenvector of the sample covariance scaled by
    // sqrt(lambda - 1); its sampling sd per coordinate is about sqrt((|w|^2 + sigma^2) / N). Four of
    // those plus 0.05 for the minibatch optimizer's wander bounds the error (0.33 here, |w| = 1.98);
    // the posterior's pull to W's N(0, 10) prior is negligible at N = 1000. An untrained q(W)
    // (Glorot-uniform, entries within +-1.2) misses an axis of length 1.98 by far more.
    double norm2 = 0;
    for (double v : r.trueAxes()) {
      norm2 += v * v;
    }
    double bound = 4 * Math.sqrt((norm2 + 1) / 1000) + 0.05;
    assertTrue(r.axisError() < bound, "axis error " + r.axisError() + " against " + bound);
  }

  @Test
  void alignedErrorIgnoresTheAxisSign() {
    assertEquals(0.1, ProbabilisticPcaSubsamplingExample.alignedError(new double[] {1, -2}, new double[] {-1.1, 2}, 2, 1), 1e-12);
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProbabilisticPcaSubsamplingExample.Settings(10, 0, 2, 1, 1, 1));
    assertEquals("`batch` must be at least 1, got 0", e.getMessage());
  }
}
