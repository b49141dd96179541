package org.edward4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngOutputTest {

  @TempDir Path dir;

  /** An image whose pixel rows become unreadable part-way, as a failing disk or bug would. */
  private static final class FailingImage extends BufferedImage {
    private int rowsServed;

    FailingImage() {
      super(50, 50, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public Raster getData(Rectangle rect) {
      if (++rowsServed > 10) {
        throw new UncheckedIOException(new IOException("pixels unavailable"));
      }
      return super.getData(rect);
    }
  }

  @Test
  void encodingFailureMidWayLeavesOldPictureAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("plot.png");
    PngOutput.write(target, new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
    byte[] before = Files.readAllBytes(target);

    assertThrows(RuntimeException.class, () -> PngOutput.write(target, new FailingImage()));

    assertArrayEquals(before, Files.readAllBytes(target));
    assertEquals(3, ImageIO.read(target.toFile()).getWidth());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void writesCreateParentDirectories() throws IOException {
    Path target = dir.resolve("a/b/plot.png");
    PngOutput.write(target, new BufferedImage(4, 5, BufferedImage.TYPE_BYTE_GRAY));
    assertEquals(5, ImageIO.read(target.toFile()).getHeight());
  }
}
