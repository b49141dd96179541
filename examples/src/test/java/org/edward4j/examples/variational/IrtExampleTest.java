package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's irt.py at 500 students, 100 questions, 20,000 answers (40 per student, 200 per question). */
class IrtExampleTest {

  @Test
  void estimatedInterceptsTrackTheTrueOnes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    IrtExample.Result r = IrtExample.run(new IrtExample.Settings(500, 100, 20000, 300, 100, 42),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("correlation of true and estimated intercepts"));
    // The best an estimator can do: with n answers per unit, the logistic Fisher information is about
    // n * p(1 - p) ~ 0.2 n, so the standard error is 1 / sqrt(0.2 n): 0.35 for a student (n = 40,
    // effect sd 1) and 0.16 for a question (n = 200, sd 1.5). The correlation of truth and estimate
    // is then sd / sqrt(sd^2 + se^2): 0.94 for students and 0.994 for questions. Seed 42 reached 0.918
    // and 0.994. The bounds leave the sampling error of a correlation over 500 (100) units,
    // (1 - r^2) / sqrt(n) ~ 0.005 (0.001), and the shrinkage of the random effects; an untrained q
    // (Glorot-uniform locations) has correlation near 0, after one step about 0.4.
    assertTrue(r.studentCorrelation() > 0.88, "students " + r.studentCorrelation());
    assertTrue(r.questionCorrelation() > 0.98, "questions " + r.questionCorrelation());
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new IrtExample.Settings(10, 0, 10, 1, 1, 1));
    assertEquals("`questions` must be at least 1, got 0", e.getMessage());
  }
}
