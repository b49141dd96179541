package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's bayesian_nn.py at its own size (40 points, 1000 iterations: a few seconds). */
class BayesianNnExampleTest {

  @Test
  void klqpLowersTheLossAndFitsAtLeastTheBestConstant() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BayesianNnExample.Settings s = new BayesianNnExample.Settings(40, 1000, 42);
    BayesianNnExample.Result r = BayesianNnExample.run(s, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Loss: "), "prints the loss");
    // At Glorot-initialized q (weights with scale softplus(u) ~ 0.7) the residuals are of order 1
    // against a noise sd of 0.1, so the first loss is in the tens of thousands (36,818 at seed 42);
    // after fitting, the likelihood term of a fit no worse than a constant, N/2 (0.45/0.1)^2 = 405,
    // plus a KL of a few hundred nats bounds it. A twentieth of the first loss separates the two.
    assertTrue(r.finalLoss() < r.firstLoss() / 20, "loss " + r.firstLoss() + " -> " + r.finalLoss());
    // The network holds a constant (b_2 with the other weights at 0), so the fitted posterior mean
    // is at least as good as the best constant, whose RMSE is the sd of y; 10% room for the
    // one-sample optimizer's end point. (Mean-field KLqp at Edward's settings stops near that
    // constant, as the class comment says: RMSE 0.43-0.45 over seeds 1, 7, 42.)
    float[] y = BayesianNnExample.toyData(40, new ToyDraws(42))[1][0];
    double sdY = Math.sqrt(variance(y));
    assertTrue(r.rmse() < 1.1 * sdY, "rmse " + r.rmse() + " against the constant's " + sdY);
  }

  private static double variance(float[] v) {
    double mean = 0;
    for (float x : v) {
      mean += x / (double) v.length;
    }
    double sum = 0;
    for (float x : v) {
      sum += (x - mean) * (x - mean);
    }
    return sum / v.length;
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BayesianNnExample.Settings(41, 10, 1));
    assertEquals("`n` must be even (half the points on each interval), got 41", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new BayesianNnExample.Settings(40, 0, 1));
    assertEquals("`iterations` must be at least 1, got 0", e.getMessage());
  }
}
