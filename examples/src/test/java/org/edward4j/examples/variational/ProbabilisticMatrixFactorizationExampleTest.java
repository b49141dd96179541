package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's probabilistic_matrix_factorization.py at its own size (50 x 60, D = 3: seconds). */
class ProbabilisticMatrixFactorizationExampleTest {

  @Test
  void heldOutErrorIsNearTheNoiseFloor() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var r = ProbabilisticMatrixFactorizationExample.run(
        new ProbabilisticMatrixFactorizationExample.Settings(50, 60, 3, 1000, 42), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Mean squared error on test data:"));
    // Half the 3000 entries held out (a Binomial(3000, 0.5) count: within 6 sds, 82, of 1500).
    assertEquals(1500, r.testEntries(), 82);
    // Predicting 0 costs E[R^2] = D = 3 (a sum of D products of standard Normals, plus noise). The
    // floor is the noise variance 0.01 plus evaluate's Monte Carlo variance 1/500 of the mean of
    // 500 draws of Normal(qU^T qV, 1). Seed 42 reached 0.063 on the held-out entries and 0.053
    // over all; a tenth of predicting 0 separates a fit from no fit, and nothing beats the floor.
    assertTrue(r.testMse() < 0.3 && r.testMse() > 0.01, "test MSE " + r.testMse());
    assertTrue(r.edwardMse() < 0.3 && r.edwardMse() > 0.01, "MSE over all entries " + r.edwardMse());
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProbabilisticMatrixFactorizationExample.Settings(5, 6, 0, 10, 1));
    assertEquals("`factors` must be at least 1, got 0", e.getMessage());
  }
}
