package org.edward4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void ticksFallOnNiceNumbersInsideTheRange() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0),
        Ticks.between(-0.05, 1.05, 5));
    assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0), Ticks.between(-3.4, 3.2, 6));
    assertEquals(List.of(0.0, 50.0, 100.0), Ticks.between(0, 105, 3));
  }

  @Test
  void labelsUseAsManyDecimalsAsTheStepNeeds() {
    List<Double> tenths = Ticks.between(0, 1, 5);
    assertEquals("0.6", Ticks.label(tenths.get(3), tenths));
    List<Double> whole = Ticks.between(0, 100, 3);
    assertEquals("50", Ticks.label(50, whole));
    List<Double> tiny = Ticks.between(0, 1e-5, 4);
    assertEquals("5.00e-06", Ticks.label(5e-6, tiny));
  }

  @Test
  void paddingWidensDegenerateRanges() {
    assertArrayEquals(new double[] {-0.5, 0.5}, Ticks.padded(0, 0));
    assertArrayEquals(new double[] {9, 11}, Ticks.padded(10, 10), 1e-12);
    assertArrayEquals(new double[] {-0.5, 10.5}, Ticks.padded(0, 10), 1e-12);
  }

  @Test
  void paletteCyclesMatplotlibsTenColoursAndRejectsNegativeIndices() {
    assertEquals(0x1f77b4, Palette.seriesColor(0).getRGB() & 0xFFFFFF);
    assertEquals(Palette.seriesColor(1), Palette.seriesColor(11));
    assertThrows(IllegalArgumentException.class, () -> Palette.seriesColor(-1));
  }
}
