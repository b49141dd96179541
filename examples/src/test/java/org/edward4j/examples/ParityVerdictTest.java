package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-sample t-test over seeds against values worked by hand and Student's t tables. */
class ParityVerdictTest {

  @Test
  void aShiftSmallerThanTheSeedSpreadIsWithinNoise() {
    ParityVerdict v = ParityVerdict.of("m", List.of(1.0, 2.0, 3.0), List.of(2.0, 3.0, 4.0));
    // Sums of squares 2 and 2 over 4 degrees of freedom: pooled sd 1; standard error sqrt(2/3).
    assertEquals(1.0, v.pooledSd(), 1e-12);
    assertEquals(Math.sqrt(2.0 / 3), v.standardError(), 1e-12);
    assertEquals(1.0 / Math.sqrt(2.0 / 3), v.t(), 1e-12);
    // Student's t, 4 degrees of freedom, 97.5th percentile: 2.776 (tables).
    assertEquals(2.776, v.critical(), 5e-4);
    assertTrue(v.withinNoise(), v.toString());
    assertEquals(1.0, v.difference(), 1e-12);
  }

  @Test
  void aShiftOfManyStandardErrorsIsNot() {
    ParityVerdict v = ParityVerdict.of("m", List.of(1.0, 1.1, 0.9), List.of(5.0, 5.1, 4.9));
    assertEquals(4.0 / (0.1 * Math.sqrt(2.0 / 3)), v.t(), 1e-9);
    assertFalse(v.withinNoise(), v.toString());
    // Two seeds: 2 degrees of freedom, 97.5th percentile 4.303 (tables).
    assertEquals(4.303, ParityVerdict.of("m", List.of(1.0, 2.0), List.of(1.0, 2.0)).critical(), 5e-4);
    assertEquals(0.0, ParityVerdict.of("m", List.of(1.0, 1.0), List.of(1.0, 1.0)).t(), 0.0, "no difference, no spread");
  }

  @Test
  void badInputIsNamed() {
    assertEquals("`baseline` must hold at least 2 values (seeds) to estimate the spread, got 1",
        assertThrows(IllegalArgumentException.class, () -> ParityVerdict.of("m", List.of(1.0), List.of(1.0))).getMessage());
    assertEquals("`candidate` must hold as many values as `baseline` (2), got 3", assertThrows(IllegalArgumentException.class,
        () -> ParityVerdict.of("m", List.of(1.0, 2.0), List.of(1.0, 2.0, 3.0))).getMessage());
    assertEquals("`candidate` must hold finite values, got NaN at 1", assertThrows(IllegalArgumentException.class,
        () -> ParityVerdict.of("m", List.of(1.0, 2.0), List.of(1.0, Double.NaN))).getMessage());
  }
}
