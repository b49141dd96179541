package org.edward4j.plots;

import static org.edward4j.plots.ImageGridTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DensityPlotTest {

  @TempDir Path dir;

  /** Edward's test_ppc_density_plot wiring: y of 20 normals, 20 replicated sets of 20. */
  @Test
  void writesAPngOfTheRequestedSize() throws IOException {
    Random rng = new Random(1);
    double[] y = new double[20];
    double[][] yRep = new double[20][20];
    for (int i = 0; i < 20; i++) {
      y[i] = rng.nextGaussian();
      for (int j = 0; j < 20; j++) {
        yRep[i][j] = rng.nextGaussian();
      }
    }
    Path file = DensityPlot.builder(y).replicates(yRep).size(500, 320).build().writePng(dir.resolve("ppc.png"));
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(500, image.getWidth());
    assertEquals(320, image.getHeight());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    // The maroon curve is drawn: some pixel is dark red.
    boolean maroon = false;
    for (int px = 0; px < image.getWidth() && !maroon; px++) {
      for (int py = 0; py < image.getHeight() && !maroon; py++) {
        int rgb = image.getRGB(px, py);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        maroon = r > 100 && r < 160 && g < 30 && b < 30;
      }
    }
    assertTrue(maroon, "the y curve is drawn in maroon");
  }

  /** The estimate is a density: it integrates to 1 over a grid spanning the data by three bandwidths. */
  @Test
  void estimateIntegratesToOneAndMatchesTheClosedFormForTwoPoints() {
    DensityPlot plot = DensityPlot.builder(new double[] {-1, 0, 0.5, 2, 2.2}).build();
    double[] x = plot.grid();
    double[] d = plot.observedDensity();
    double area = 0;
    for (int i = 1; i < x.length; i++) {
      area += (x[i] - x[i - 1]) * (d[i] + d[i - 1]) / 2;
    }
    // Mass beyond three bandwidths of the extreme points: 2 * 0.00135 / 5 per side; trapezoid error ~1e-4.
    assertEquals(1.0, area, 3e-3);
    // Two points 0 and 2: sd = 1.414, IQR = 1 (1/1.349 = 0.741 < sd), h = 1.059 * 0.741 * 2^-0.2.
    double h = 1.059 * (1 / 1.349) * Math.pow(2, -0.2);
    double at1 = Math.exp(-0.5 / (h * h)) / (h * Math.sqrt(2 * Math.PI));
    assertEquals(at1, DensityPlot.density(new double[] {0, 2}, new double[] {1})[0], 1e-12);
  }

  /** The class documentation's example, verbatim. */
  @Test
  void javadocExample() throws IOException {
    // --- DensityPlot
    double[] y = {0.1, -0.4, 1.2, 0.8, -1.0};
    double[][] yRep = {{0.3, -0.2, 0.9, 1.1, -0.7}, {0.0, 0.5, -0.3, 1.4, -1.2}};
    DensityPlot.builder(y).replicates(yRep).build().writePng(dir.resolve("ppc-density.png"));
    // ---
    assertTrue(Files.size(dir.resolve("ppc-density.png")) > 0);
  }

  @Test
  void badSamplesAreRejectedWithTheirName() {
    assertMessage("`y` must hold at least two values for a density, got 1", () -> DensityPlot.builder(new double[] {1}));
    assertMessage("`y` must be finite, got NaN at index 1", () -> DensityPlot.builder(new double[] {1, Double.NaN}));
    assertMessage("`yRep[1]` must not be constant for a density, got every value 2.0",
        () -> DensityPlot.builder(new double[] {0, 1}).replicates(new double[][] {{0, 1}, {2, 2}}));
  }
}
