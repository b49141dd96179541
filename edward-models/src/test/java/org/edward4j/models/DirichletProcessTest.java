package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@link DirichletProcess}: Edward's shape and persistence tests ({@code
 * tests/models/dirichlet_process_sample_test.py}), then the stick-breaking law itself through
 * facts of the Chinese restaurant process it induces, written independently here: two draws share
 * an atom with probability {@code 1 / (1 + alpha)}; {@code n} draws hold {@code sum_i alpha / (alpha
 * + i)} distinct atoms on average; each draw is marginally distributed as the base.
 */
class DirichletProcessTest extends GraphTestBase {

  private Normal standardNormal() {
    return Normal.of(scope, 0.0, 1.0);
  }

  private Normal normalOfShape(long... shape) {
    int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    return Normal.of(scope, constant(shape, filled(n, 0)), constant(shape, filled(n, 1)));
  }

  private void checkShape(long n, DirichletProcess dp, long... expected) {
    Operand<TFloat32> x = dp.sample(n);
    assertArrayEquals(expected, x.shape().asArray());
    assertArrayEquals(expected, ctx.eval(x).shape());
  }

  @Test
  void shapesAsEdwardsTests() {
    checkShape(1, DirichletProcess.of(scope, 0.5, standardNormal()), 1);
    checkShape(5, DirichletProcess.of(scope, scalar(0.5), standardNormal()), 5);
    checkShape(1, DirichletProcess.of(scope, vector(0.5f), standardNormal()), 1, 1);
    checkShape(5, DirichletProcess.of(scope, vector(0.2f, 1.5f), standardNormal()), 5, 2);
    checkShape(1, DirichletProcess.of(scope, 0.5, normalOfShape(3)), 1, 3);
    checkShape(5, DirichletProcess.of(scope, vector(0.5f), normalOfShape(3, 4)), 5, 1, 3, 4);
    checkShape(5, DirichletProcess.of(scope, vector(0.2f, 1.5f), normalOfShape(3, 4)), 5, 2, 3, 4);
    DirichletProcess dp = DirichletProcess.of(scope, vector(0.1f, 0.4f), normalOfShape(5, 3));
    assertArrayEquals(new long[] {2, 5, 3}, dp.value().shape().asArray());
  }

  @Test
  void javadocExample() {
    // --- DirichletProcess
    Normal base = Normal.of(scope, 0.0, 1.0);
    DirichletProcess dp = DirichletProcess.of(scope, 1.0, base);
    Operand<TFloat32> draws = dp.sample(1000); // few distinct values: about 7.5 atoms
    // ---
    Set<Float> atoms = new HashSet<>();
    for (float f : eval(draws)) {
      atoms.add(f);
    }
    // E = H_1000 = 7.49 atoms, variance sum 1/(1+i) - 1/(1+i)^2 = 5.85: 5 standard deviations
    assertEquals(7.49, atoms.size(), 5 * Math.sqrt(5.85));
  }

  @Test
  void statePersistsAcrossSampleCalls() {
    DirichletProcess dp = DirichletProcess.of(scope, 0.1, standardNormal());
    Operand<TFloat32> x = dp.sample(5);
    Operand<TFloat32> y = dp.sample(5);
    List<TensorValue> v = ctx.evalAll(List.of(x, y, dp.locs(), dp.value()), Map.of());
    Set<Float> locs = new HashSet<>();
    for (float f : v.get(2).data()) {
      locs.add(f);
    }
    for (int i = 0; i < 2; i++) {
      for (float f : v.get(i).data()) {
        assertTrue(locs.contains(f), f + " is not one of the atoms " + locs);
      }
    }
    assertTrue(locs.contains(v.get(3).data()[0]));
    // locs holds atoms up to the highest index used, so at least the distinct values drawn
    Set<Float> drawn = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      for (float f : v.get(i).data()) {
        drawn.add(f);
      }
    }
    assertTrue(locs.size() >= drawn.size());
  }

  @Test
  void twoDrawsShareAnAtomWithProbabilityOneOverOnePlusAlpha() {
    int b = 20_000;
    double alpha = 1.5;
    DirichletProcess dp = DirichletProcess.of(scope, vector(filled(b, alpha)), standardNormal());
    float[] draws = eval(dp.sample(2));
    int same = 0;
    for (int j = 0; j < b; j++) {
      same += draws[j] == draws[b + j] ? 1 : 0;
    }
    double p = 1 / (1 + alpha);
    // binomial standard error; 5 of them: a false failure about once in 1.7 million runs
    double tolerance = 5 * Math.sqrt(p * (1 - p) / b);
    assertEquals(p, same / (double) b, tolerance);
    // each process's first draw is N(0, 1): KS distance under the DKW bound at alpha 1e-6
    double[] first = new double[b];
    for (int j = 0; j < b; j++) {
      first[j] = draws[j];
    }
    Arrays.sort(first);
    NormalDistribution normal = new NormalDistribution(0, 1);
    double d = 0;
    for (int i = 0; i < b; i++) {
      double f = normal.cumulativeProbability(first[i]);
      d = Math.max(d, Math.max(f - i / (double) b, (i + 1) / (double) b - f));
    }
    assertTrue(d < Math.sqrt(Math.log(2 / 1e-6) / (2.0 * b)), "KS distance " + d);
  }

  @Test
  void distinctAtomsFollowTheChineseRestaurantProcess() {
    int b = 2_000;
    int n = 50;
    double alpha = 2.0;
    DirichletProcess dp = DirichletProcess.of(scope, vector(filled(b, alpha)), standardNormal());
    float[] draws = eval(dp.sample(n));
    double total = 0;
    for (int j = 0; j < b; j++) {
      Set<Float> tables = new HashSet<>();
      for (int i = 0; i < n; i++) {
        tables.add(draws[i * b + j]);
      }
      total += tables.size();
    }
    // customer i opens a new table with probability alpha / (alpha + i), independently
    double mean = 0;
    double variance = 0;
    for (int i = 0; i < n; i++) {
      double q = alpha / (alpha + i);
      mean += q;
      variance += q * (1 - q);
    }
    assertEquals(mean, total / b, 5 * Math.sqrt(variance / b));
  }

  @Test
  void momentsAreTheBasesAndTruncationLeavesTinyMass() {
    DirichletProcess dp = DirichletProcess.of(scope, vector(1f, 2f), Normal.of(scope, 2.0, 3.0));
    assertArrayEquals(new float[] {2f, 2f}, eval(dp.mean()));
    assertArrayEquals(new float[] {9f, 9f}, eval(dp.variance()));
    assertArrayEquals(new float[] {3f, 3f}, eval(dp.stddev()));
    // (2/3)^K <= 1e-12: K = ceil(27.63 / 0.405) = 69 for the larger alpha
    assertEquals(69, dp.truncation());
    assertEquals(40, DirichletProcess.of(scope, 1.0, standardNormal()).truncation());
    assertEquals(false, dp.isReparameterized());
  }

  @Test
  void withParametersKeepsBaseAndTruncation() {
    Normal base = standardNormal();
    DirichletProcess dp = DirichletProcess.builder(scope).concentration(1.0).base(base).truncation(7).build();
    DirichletProcess copy = (DirichletProcess) dp.withParameters(Map.of("concentration", scalar(3.0)));
    assertEquals(7, copy.truncation());
    assertEquals(base, copy.base());
    assertEquals(3f, eval(copy.concentration())[0]);
  }

  @Test
  void badInputIsRejectedBeforeAnyNativeCall() {
    Normal base = standardNormal();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DirichletProcess.of(scope, -1.0, base));
    assertEquals("`concentration` must be positive and finite, got -1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DirichletProcess.builder(scope).concentration(1.0).build());
    assertEquals("`base` must be given for DirichletProcess", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DirichletProcess.builder(scope).base(null));
    assertEquals("`base` must be a random variable, got null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DirichletProcess.builder(scope).truncation(0));
    assertEquals("`truncation` must be in [1, 1048576], got 0", e.getMessage());
    Placeholder<TFloat32> alpha = placeholder(3);
    e = assertThrows(IllegalArgumentException.class, () -> DirichletProcess.of(scope, alpha, base));
    assertTrue(e.getMessage().startsWith("`truncation` must be given when `concentration` is not known"), e.getMessage());
    DirichletProcess dp = DirichletProcess.of(scope, 1.0, base);
    UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, () -> dp.logProb(base));
    assertTrue(u.getMessage().contains("no closed-form log density"), u.getMessage());
  }

  @Test
  void aDrawPastTheTruncationFailsTheRunWithItsName() {
    // one stick of a process with alpha 50, beta ~ Beta(1, 50): all 100 draws land on it with
    // probability E[beta^100] = 50 B(101, 50), below 1e-30
    DirichletProcess dp = DirichletProcess.builder(scope).concentration(50.0).base(standardNormal()).truncation(1)
        .sampleShape(100).build();
    RuntimeException e = assertThrows(RuntimeException.class, () -> eval(dp.value()));
    assertTrue(e.getMessage().contains("raise `truncation`"), e.getMessage());
  }
}
