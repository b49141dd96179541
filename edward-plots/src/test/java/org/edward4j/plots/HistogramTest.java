package org.edward4j.plots;

import static org.edward4j.plots.ChartPixels.colorNear;
import static org.edward4j.plots.ChartPixels.pixelOf;
import static org.edward4j.plots.ImageGridTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramTest {

  @TempDir Path dir;

  @Test
  void countsIncludeTheUpperEndInTheLastBin() {
    Histogram histogram = Histogram.builder(new double[] {0, 0, 1, 2, 2, 2}).bins(2).build();
    // Bins [0, 1) and [1, 2]: the three 2s belong to the last bin.
    assertArrayEquals(new long[] {2, 4}, histogram.counts());
  }

  @Test
  void barsAndObservedLineAreDrawnWhereTheDataSays() throws IOException {
    Histogram histogram =
        Histogram.builder(new float[] {0, 0, 1, 2, 2, 2})
            .bins(2)
            .observed(3.5)
            .title("ppc")
            .xLabel("T")
            .size(400, 300)
            .build();
    BufferedImage image = ImageIO.read(histogram.writePng(dir.resolve("h.png")).toFile());

    assertEquals(400, image.getWidth());
    assertEquals(300, image.getHeight());
    double[] r = histogram.ranges();
    Color bar = Palette.seriesColor(0);
    assertTrue(colorNear(image, pixelOf(image, r, 0.5, 1), bar, 0), "inside the first bar");
    assertTrue(colorNear(image, pixelOf(image, r, 1.5, 3.5), bar, 0), "inside the second bar");
    assertFalse(colorNear(image, pixelOf(image, r, 0.5, 3), bar, 3), "above the first bar");
    assertFalse(colorNear(image, pixelOf(image, r, 2.8, 1), bar, 3), "right of the last bar");
    assertTrue(colorNear(image, pixelOf(image, r, 3.5, 2), Palette.OBSERVED, 1), "the observed line");
  }

  @Test
  void constantValuesStillMakeABar() {
    Histogram histogram = Histogram.builder(new double[] {5, 5, 5}).bins(3).build();
    assertEquals(3, java.util.Arrays.stream(histogram.counts()).sum());
    BufferedImage image = histogram.render();
    assertTrue(colorNear(image, pixelOf(image, histogram.ranges(), 5, 1), Palette.seriesColor(0), 0));
  }

  @Test
  void badInputNamesTheArgument() {
    assertMessage("`values` must hold at least one value",
        () -> Histogram.builder(new double[0]));
    assertMessage("`values` must be finite, got NaN at index 2",
        () -> Histogram.builder(new double[] {1, 2, Double.NaN}));
    assertMessage("`bins` must be in [1, 1000], got 0",
        () -> Histogram.builder(new double[] {1}).bins(0));
    assertMessage("`observed` must be finite, got Infinity",
        () -> Histogram.builder(new double[] {1}).observed(Double.POSITIVE_INFINITY));
    assertMessage("`width` and `height` must be in [1, 8192] pixels, got 100x-1",
        () -> Histogram.builder(new double[] {1}).size(100, -1).build());
  }
}
