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

class LinePlotTest {

  @TempDir Path dir;

  @Test
  void curvesAreDrawnInTheirColoursAndNonFiniteValuesLeaveGaps() throws IOException {
    double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    double[] rising = {0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0};
    double[] broken = flat.clone();
    for (int i = 0; i < broken.length; i++) {
      broken[i] = 0.2;
    }
    broken[5] = Double.NaN;
    LinePlot plot =
        LinePlot.builder()
            .series("flat", flat)
            .series("rising", rising)
            .series("broken", broken)
            .yLabel("loss")
            .build();
    BufferedImage image = ImageIO.read(plot.writePng(dir.resolve("l.png")).toFile());

    assertEquals(640, image.getWidth());
    assertEquals(rgb(Palette.seriesColor(0)), rgbAt(image, plot.pixelOf(2.5, 1)));
    assertEquals(rgb(Palette.seriesColor(1)), rgbAt(image, plot.pixelOf(2.5, 0.5)));
    assertEquals(rgb(Palette.seriesColor(2)), rgbAt(image, plot.pixelOf(2.5, 0.2)));
    // Points 4 and 6 are not joined across the NaN at 5.
    assertNotEquals(rgb(Palette.seriesColor(2)), rgbAt(image, plot.pixelOf(5, 0.2)));
  }

  @Test
  void explicitIterationsPlaceLoggedLosses() {
    LinePlot plot =
        LinePlot.builder()
            .series("loss", new double[] {0, 100, 200}, new double[] {3, 2, 1})
            .build();
    assertEquals(rgb(Palette.seriesColor(0)), rgbAt(plot.render(), plot.pixelOf(150, 1.5)));
    assertEquals("LinePlot[loss: 3 points]", plot.toString());
  }

  @Test
  void badInputNamesTheArgument() {
    assertMessage("every `values` entry of every series is non-finite",
        () -> LinePlot.builder().series("nan", new double[] {Double.NaN}).build());
    assertMessage("`y` of series \"a\" must have length 2 to match `x`, got 1",
        () -> LinePlot.builder().series("a", new double[2], new double[1]));
    assertMessage("`x` of series \"a\" must be finite, got Infinity at index 0",
        () -> LinePlot.builder().series("a", new double[] {Double.POSITIVE_INFINITY},
            new double[1]));
    assertMessage("a line plot needs at least one `series`", () -> LinePlot.builder().build());
    assertMessage("`width` x `height` of 60x60 leaves no room to plot",
        () -> LinePlot.builder().series("a", new double[] {1, 2}).size(60, 60).build());
  }
}
