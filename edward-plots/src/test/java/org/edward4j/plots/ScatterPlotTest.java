package org.edward4j.plots;

import static org.edward4j.plots.ChartPixels.rgb;
import static org.edward4j.plots.ChartPixels.rgbAt;
import static org.edward4j.plots.ImageGridTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
    ScatterPlot plot =
        ScatterPlot.builder()
            .title("real vs generated")
            .xLabel("x")
            .yLabel("y")
            .series("real", new double[] {-1, 0, 2}, new double[] {0, 3, 1})
            .series("generated", new float[] {1.5f, -0.5f, 0.5f, 2.5f})
            .build();
    BufferedImage image = ImageIO.read(plot.writePng(dir.resolve("s.png")).toFile());

    assertEquals(640, image.getWidth());
    assertEquals(480, image.getHeight());
    int real = rgb(Palette.seriesColor(0));
    int generated = rgb(Palette.seriesColor(1));
    assertEquals(real, rgbAt(image, plot.pixelOf(-1, 0)));
    assertEquals(real, rgbAt(image, plot.pixelOf(2, 1)));
    assertEquals(generated, rgbAt(image, plot.pixelOf(1.5, -0.5)));
    assertEquals(generated, rgbAt(image, plot.pixelOf(0.5, 2.5)));
    // Half-way between two points there is no point of either colour.
    int empty = rgbAt(image, plot.pixelOf(1, 2));
    assertNotEquals(real, empty);
    assertNotEquals(generated, empty);
  }

  @Test
  void explicitRangesPlaceTheAxes() {
    ScatterPlot plot =
        ScatterPlot.builder()
            .series("a", new double[] {0.5}, new double[] {0.5})
            .xRange(0, 1)
            .yRange(0, 1)
            .size(300, 300)
            .pointRadius(5)
            .build();
    double[] lowerLeft = plot.pixelOf(0, 0);
    double[] upperRight = plot.pixelOf(1, 1);
    double[] centre = plot.pixelOf(0.5, 0.5);
    assertEquals((lowerLeft[0] + upperRight[0]) / 2, centre[0], 1e-9);
    assertEquals((lowerLeft[1] + upperRight[1]) / 2, centre[1], 1e-9);
    assertEquals(rgb(Palette.seriesColor(0)), rgbAt(plot.render(), centre));
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
