package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticPlotsTest {

  @TempDir Path dir;

  @Test
  void writesTraceAndAutocorrelationPngsOfTheRequestedSize() throws IOException {
    double[][] chains = Ar1Chains.ar1(1, 3, 300, 0.8);
    Path trace = DiagnosticPlots.trace(dir.resolve("plots/mu-trace.png"), "mu", chains, 640, 400);
    Path acf = DiagnosticPlots.autocorrelation(dir.resolve("plots/mu-acf.png"), "mu", chains, 40, 500, 300);
    BufferedImage t = ImageIO.read(trace.toFile());
    BufferedImage a = ImageIO.read(acf.toFile());
    assertEquals(640, t.getWidth());
    assertEquals(400, t.getHeight());
    assertEquals(500, a.getWidth());
    assertEquals(300, a.getHeight());
    // Only the two targets remain: no temporary file is left behind.
    try (Stream<Path> files = Files.list(dir.resolve("plots"))) {
      assertEquals(2, files.count());
    }
    // The chart drew something: not a blank image.
    int first = t.getRGB(0, 0);
    boolean varied = false;
    for (int x = 0; x < t.getWidth() && !varied; x += 7) {
      for (int y = 0; y < t.getHeight() && !varied; y += 7) {
        varied = t.getRGB(x, y) != first;
      }
    }
    assertTrue(varied);
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path file = dir.resolve("trace.png");
    Files.writeString(file, "old");
    DiagnosticPlots.trace(file, "z", Ar1Chains.ar1(2, 1, 50, 0.1), 100, 80);
    assertEquals(100, ImageIO.read(file.toFile()).getWidth());
  }

  @Test
  void rejectsBadSizesAndLags() {
    double[][] chains = Ar1Chains.ar1(3, 1, 50, 0.1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DiagnosticPlots.trace(dir.resolve("a.png"), "z", chains, 0, 100));
    assertTrue(e.getMessage().contains("`width` must be in [16, 8192], got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> DiagnosticPlots.autocorrelation(dir.resolve("a.png"), "z", chains, 50, 100, 100));
    assertTrue(e.getMessage().contains("`maxLag` must be in [0, 49]"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("a.png")));
  }
}
