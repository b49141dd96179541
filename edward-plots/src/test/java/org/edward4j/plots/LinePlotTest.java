package org.edward4j.plots;

import static org.edward4j.plots.ChartPixels.colorNear;
import static org.edward4j.plots.ChartPixels.pixelOf;
import static org.edward4j.plots.ImageGridTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {

  @TempDir Path dir;

  @Test
  void curvesAreDrawnInTheirColoursAndNonFiniteValuesLeaveGaps() throws IOException {
    double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    double[] rising = {0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0};
    double[] broken = new double[11];
    java.util.Arrays.fill(broken, 0.2);
    broken[5] = Double.NaN;
    broken[6] = Double.POSITIVE_INFINITY;
    LinePlot plot = LinePlot.builder().series("flat", flat).series("rising", rising).series("broken", broken)
        .yLabel("loss").build();
    Path png = plot.writePng(dir.resolve("l.png"));
    byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, magic, "a PNG file");
    BufferedImage image = ImageIO.read(png.toFile());

    assertEquals(640, image.getWidth());
    assertEquals(480, image.getHeight());
    double[] r = plot.ranges();
    // On each curve, between its points, there is its colour (2 px line, 2 px slack for rounding).
    assertTrue(colorNear(image, pixelOf(image, r, 2.5, 1), Palette.seriesColor(0), 2));
    assertTrue(colorNear(image, pixelOf(image, r, 2.5, 0.5), Palette.seriesColor(1), 2));
    assertTrue(colorNear(image, pixelOf(image, r, 2.5, 0.2), Palette.seriesColor(2), 2));
    assertTrue(colorNear(image, pixelOf(image, r, 8.5, 0.2), Palette.seriesColor(2), 2));
    // Points 4 and 7 are not joined across the NaN at 5 and the infinity at 6.
    assertFalse(colorNear(image, pixelOf(image, r, 5.5, 0.2), Palette.seriesColor(2), 2));
    // Off every curve: no series colour.
    assertFalse(colorNear(image, pixelOf(image, r, 2.5, 1.8), Palette.seriesColor(0), 3));
  }

  @Test
  void explicitIterationsPlaceLoggedLosses() {
    LinePlot plot = LinePlot.builder().series("loss", new double[] {0, 100, 200}, new double[] {3, 2, 1}).build();
    BufferedImage image = plot.render();
    assertTrue(colorNear(image, pixelOf(image, plot.ranges(), 150, 1.5), Palette.seriesColor(0), 2));
    assertEquals("LinePlot[loss: 3 points]", plot.toString());
  }

  @Test
  void badInputNamesTheArgument() {
    assertMessage("every `values` entry of every series is non-finite",
        () -> LinePlot.builder().series("nan", new double[] {Double.NaN}).build());
    assertMessage("`y` of series \"a\" must have length 2 to match `x`, got 1",
        () -> LinePlot.builder().series("a", new double[2], new double[1]));
    assertMessage("`x` of series \"a\" must be finite, got Infinity at index 0",
        () -> LinePlot.builder().series("a", new double[] {Double.POSITIVE_INFINITY}, new double[1]));
    assertMessage("a line plot needs at least one `series`", () -> LinePlot.builder().build());
    assertMessage("`width` x `height` of 60x60 leaves no room to plot",
        () -> LinePlot.builder().series("a", new double[] {1, 2}).size(60, 60).build());
  }
}
