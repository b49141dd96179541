package org.edward4j.criticisms.diagnostics;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trace and autocorrelation plots of MCMC draws as PNG files, one line per chain: the two pictures
 * every MCMC user looks at first (chains that wander apart in the trace, or autocorrelations that
 * decay slowly, mean more draws are needed).
 *
 * <p>Each file is written atomically: the image goes to a temporary file in the target's
 * directory, is forced to disk, then renamed over the target, so a reader never sees half a PNG.
 *
 * <pre>{@code
 * double[][] chains = {{0.1, 0.4, 0.3, 0.9, 0.5, 0.2}, {0.3, 0.2, 0.6, 0.8, 0.1, 0.4}};
 * DiagnosticPlots.trace(dir.resolve("mu-trace.png"), "mu", chains, 640, 400);
 * DiagnosticPlots.autocorrelation(dir.resolve("mu-acf.png"), "mu", chains, 4, 640, 400);
 * }</pre>
 */
public final class DiagnosticPlots {

  private static final int MAX_SIDE = 8192;

  private DiagnosticPlots() {}

  /**
   * The trace plot: each chain's draws against their iteration.
   *
   * @param file the PNG to create or replace; its directory is created
   * @param name the quantity's name, in the title
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least two draws each
   * @param width the image width in pixels, in {@code [16, 8192]}
   * @param height the image height in pixels, in {@code [16, 8192]}
   * @return {@code file}
   * @throws IllegalArgumentException for bad draws or sizes
   * @throws IOException when the file cannot be written; a previous file is then left as it was
   */
  public static Path trace(Path file, String name, double[][] chains, int width, int height) throws IOException {
    check(file, name, width, height);
    Chains.check("chains", chains, 2);
    XYChart chart = chart("Trace of " + name, "iteration", name, width, height);
    double[] x = new double[chains[0].length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    for (int m = 0; m < chains.length; m++) {
      XYSeries s = chart.addSeries("chain " + (m + 1), x, chains[m]);
      s.setMarker(SeriesMarkers.NONE);
    }
    return write(file, BitmapEncoder.getBufferedImage(chart));
  }

  /**
   * The autocorrelation plot: each chain's autocorrelation at lags {@code 0 .. maxLag}.
   *
   * @param file the PNG to create or replace; its directory is created
   * @param name the quantity's name, in the title
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least two draws each
   * @param maxLag the largest lag, {@code 0 <= maxLag < draws}
   * @param width the image width in pixels, in {@code [16, 8192]}
   * @param height the image height in pixels, in {@code [16, 8192]}
   * @return {@code file}
   * @throws IllegalArgumentException for bad draws, lag or sizes
   * @throws IOException when the file cannot be written; a previous file is then left as it was
   */
  public static Path autocorrelation(Path file, String name, double[][] chains, int maxLag, int width, int height)
      throws IOException {
    check(file, name, width, height);
    Chains.check("chains", chains, 2);
    if (maxLag < 0 || maxLag >= chains[0].length) {
      throw new IllegalArgumentException("`maxLag` must be in [0, " + (chains[0].length - 1) + "] for chains of "
          + chains[0].length + " draws, got " + maxLag);
    }
    XYChart chart = chart("Autocorrelation of " + name, "lag", "autocorrelation", width, height);
    double[] lags = new double[maxLag + 1];
    for (int t = 0; t <= maxLag; t++) {
      lags[t] = t;
    }
    for (int m = 0; m < chains.length; m++) {
      double[] rho = Autocorrelation.of(chains[m], maxLag);
      for (int t = 0; t < rho.length; t++) {
        // A constant chain has no autocorrelation; draw it as zero rather than fail to plot.
        rho[t] = Double.isNaN(rho[t]) ? 0 : rho[t];
      }
      chart.addSeries("chain " + (m + 1), lags, rho).setMarker(SeriesMarkers.CIRCLE);
    }
    return write(file, BitmapEncoder.getBufferedImage(chart));
  }

  private static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(true);
    return chart;
  }

  private static void check(Path file, String name, int width, int height) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    if (width < 16 || width > MAX_SIDE) {
      throw new IllegalArgumentException("`width` must be in [16, " + MAX_SIDE + "], got " + width);
    }
    if (height < 16 || height > MAX_SIDE) {
      throw new IllegalArgumentException("`height` must be in [16, " + MAX_SIDE + "], got " + height);
    }
  }

  /** Encodes the image as PNG into a temporary file, forces it to disk, renames it over {@code file}. */
  private static Path write(Path file, BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", bytes)) {
      throw new IOException("no PNG writer available for " + file);
    }
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }
}
