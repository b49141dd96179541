package org.edward4j.plots;

import static org.edward4j.plots.ChartPixels.colorNear;
import static org.edward4j.plots.ChartPixels.pixelOf;
import static org.edward4j.plots.ImageGridTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {

  @TempDir Path dir;

  @Test
  void pointsAreDrawnInTheirSeriesColourWhereTheDataSays() throws IOException {
    ScatterPlot plot = ScatterPlot.builder().title("real vs generated").xLabel("x").yLabel("y")
        .series("real", new double[] {-1, 0, 2}, new double[] {0, 3, 1})
        .series("generated", new float[] {1.5f, -0.5f, 0.5f, 2.5f})
        .build();
    BufferedImage image = ImageIO.read(plot.writePng(dir.resolve("s.png")).toFile());

    assertEquals(640, image.getWidth());
    assertEquals(480, image.getHeight());
    double[] r = plot.ranges();
    Color real = Palette.seriesColor(0);
    Color generated = Palette.seriesColor(1);
    assertTrue(colorNear(image, pixelOf(image, r, -1, 0), real, 1));
    assertTrue(colorNear(image, pixelOf(image, r, 2, 1), real, 1));
    assertTrue(colorNear(image, pixelOf(image, r, 1.5, -0.5), generated, 1));
    assertTrue(colorNear(image, pixelOf(image, r, 0.5, 2.5), generated, 1));
    // Half-way between points there is no point of either colour.
    assertFalse(colorNear(image, pixelOf(image, r, 1, 2), real, 3));
    assertFalse(colorNear(image, pixelOf(image, r, 1, 2), generated, 3));
  }

  @Test
  void explicitRangesPlaceTheAxes() {
    ScatterPlot plot = ScatterPlot.builder().series("a", new double[] {0.25}, new double[] {0.75})
        .xRange(0, 1).yRange(0, 1).size(300, 300).pointRadius(5).build();
    assertArrayEquals(new double[] {0, 1, 0, 1}, plot.ranges());
    BufferedImage image = plot.render();
    assertTrue(colorNear(image, pixelOf(image, plot.ranges(), 0.25, 0.75), Palette.seriesColor(0), 1));
    assertFalse(colorNear(image, pixelOf(image, plot.ranges(), 0.75, 0.25), Palette.seriesColor(0), 4));
  }

  @Test
  void badInputNamesTheArgument() {
    assertMessage("`y` of series \"real\" must have length 3 to match `x`, got 2",
        () -> ScatterPlot.builder().series("real", new double[3], new double[2]));
    assertMessage("`x` of series \"real\" must be finite, got NaN at index 1",
        () -> ScatterPlot.builder().series("real", new double[] {0, Double.NaN},
            new double[2]));
    assertMessage("`xy` of series \"g\" must hold (x, y) pairs",
        () -> ScatterPlot.builder().series("g", new float[3]));
    assertMessage("a scatter plot needs at least one `series`",
        () -> ScatterPlot.builder().build());
    assertMessage("`width` and `height` must be in [1, 8192] pixels, got 0x480",
        () -> ScatterPlot.builder().series("a", new double[1], new double[1]).size(0, 480)
            .build());
    assertMessage("`xRange` must be finite with min < max",
        () -> ScatterPlot.builder().xRange(1, 1));
  }
}
