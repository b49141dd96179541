package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's dirichlet_categorical.py at N = 20: the inferred pi is the conjugate posterior's mean. */
class DirichletCategoricalExampleTest {

  @Test
  void infersTheConjugatePosteriorMean() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DirichletCategoricalExample.Result r = DirichletCategoricalExample.run(
        new DirichletCategoricalExample.Settings(20, 1000, 30, 3), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("pi: [") && printed.contains("Inferred pi: ["), printed);
    double sum = 0;
    for (double p : r.piInferred()) {
      sum += p;
    }
    assertEquals(1, sum, 1e-5, "E_q[pi] lies on the simplex (float32 rounding of four terms)");
    // q = Dirichlet(softplus(lambda)) contains the exact posterior Dirichlet(1 + n_k), so the
    // optimum is its mean. Untrained, lambda is Glorot-uniform, so E_q[pi] can be anywhere on the
    // simplex; the posterior sd of each pi_k at N = 20 is about sqrt(0.25 / 300) = 0.029, and the
    // stochastic optimizer's end point is a small fraction of that: 0.01 allows for the Adam noise
    // of 30-sample gradients while an unfitted q (errors of 0.1 and more) fails.
    assertTrue(r.maxErrorToPosterior() < 0.01, "error to the posterior mean " + r.maxErrorToPosterior());
    // The posterior mean itself is within 4 posterior sds (0.12 for p = 0.5, N = 300) of the truth:
    // a failure here means the data were not drawn from pi_true.
    assertTrue(r.maxErrorToTruth() < 4 * Math.sqrt(0.25 / 300), "error to the true pi " + r.maxErrorToTruth());
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DirichletCategoricalExample.Settings(0, 10, 1, 1));
    assertEquals("`n` must be at least 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new DirichletCategoricalExample.Settings(5, 10, -2, 1));
    assertEquals("`samples` must be at least 1, got -2", e.getMessage());
  }
}
