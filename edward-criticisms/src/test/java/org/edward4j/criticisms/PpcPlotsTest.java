package org.edward4j.criticisms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.edward4j.plots.DensityPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edward's {@code tests/criticisms/ppc_plots_test.py}, with the pictures read back. */
class PpcPlotsTest {

  @TempDir Path dir;

  @Test
  void ppcDensityPlotWritesAPngOfTheDefaultSize() throws IOException {
    Random rng = new Random(7);
    double[] y = new double[20];
    double[][] yRep = new double[20][20];
    for (int i = 0; i < 20; i++) {
      y[i] = rng.nextGaussian();
      for (int j = 0; j < 20; j++) {
        yRep[i][j] = rng.nextGaussian();
      }
    }
    DensityPlot plot = PpcPlots.densityPlot(y, yRep);
    BufferedImage image = ImageIO.read(plot.writePng(dir.resolve("density.png")).toFile());
    assertEquals(640, image.getWidth());
    assertEquals(480, image.getHeight());
    assertTrue(plot.toString().contains("20 y_rep curves"), plot.toString());
    assertThrows(IllegalArgumentException.class, () -> PpcPlots.densityPlot(y, new double[0][]));
  }

  @Test
  void ppcStatHistPlotWritesAPngWithTheObservedStatistic() throws IOException {
    Random rng = new Random(8);
    double[] stats = new double[20];
    for (int i = 0; i < 20; i++) {
      stats[i] = rng.nextGaussian();
    }
    var plot = PpcPlots.statHistPlot(0.0, stats, "mean", 10);
    assertEquals(20, java.util.Arrays.stream(plot.counts()).sum(), "every statistic in a bin");
    assertEquals(10, plot.counts().length);
    BufferedImage image = ImageIO.read(plot.writePng(dir.resolve("stat.png")).toFile());
    assertEquals(640, image.getWidth());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PpcPlots.statHistPlot(Double.NaN, stats, "mean", 10));
    assertEquals("`observed` must be finite, got NaN", e.getMessage());
  }

  /** The class documentation's example, verbatim. */
  @Test
  void javadocExample() throws IOException {
    // --- PpcPlots
    double[] y = {0.3, -1.2, 0.8, 0.1, -0.4, 1.6};
    double[][] yRep = {{0.5, -0.9, 1.1, 0.0, -0.2, 1.0}, {0.1, -1.5, 0.7, 0.4, -0.8, 1.9}};
    PpcPlots.densityPlot(y, yRep).writePng(dir.resolve("ppc-density.png"));
    PpcPlots.statHistPlot(0.0, y, "mean", 10).writePng(dir.resolve("ppc-stat.png"));
    // ---
    assertTrue(dir.resolve("ppc-density.png").toFile().length() > 0);
  }
}
