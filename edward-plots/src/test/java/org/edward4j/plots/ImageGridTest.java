package org.edward4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

  @TempDir Path dir;

  /** Sixteen 28x28 images; pixel p of image i has intensity ((i * 31 + p) % 256) / 255. */
  private static float[] samples() {
    float[] images = new float[16 * 28 * 28];
    for (int i = 0; i < 16; i++) {
      for (int p = 0; p < 784; p++) {
        images[i * 784 + p] = ((i * 31 + p) % 256) / 255f;
      }
    }
    return images;
  }

  @Test
  void fourByFourGridHasEdwardsLayoutAndExactGrayLevels() throws IOException {
    Path png = ImageGrid.of(samples(), 28, 28).rows(4).cols(4).scale(2).build()
        .writePng(dir.resolve("grid.png"));
    Raster raster = ImageIO.read(png.toFile()).getRaster();

    // 4 cells of 28 * 2 pixels plus 5 one-pixel separators.
    assertEquals(4 * 56 + 5, raster.getWidth());
    assertEquals(4 * 56 + 5, raster.getHeight());
    for (int image : new int[] {0, 6, 15}) {
      int cellLeft = 1 + (image % 4) * 57;
      int cellTop = 1 + (image / 4) * 57;
      for (int[] rc : new int[][] {{0, 0}, {3, 17}, {27, 27}}) {
        int expected = (image * 31 + rc[0] * 28 + rc[1]) % 256;
        for (int d = 0; d < 2; d++) { // both upscaled copies of the pixel
          assertEquals(expected,
              raster.getSample(cellLeft + 2 * rc[1] + d, cellTop + 2 * rc[0] + d, 0),
              "image " + image + " pixel " + rc[0] + "," + rc[1]);
        }
      }
    }
    assertEquals(255, raster.getSample(0, 0, 0), "outer separator is white");
    assertEquals(255, raster.getSample(57, 30, 0), "separator between columns");
    assertEquals(255, raster.getSample(30, 57, 0), "separator between rows");
  }

  @Test
  void valuesOutsideUnitIntervalAreClippedAndEmptyCellsTakeTheSeparatorGray() {
    float[] images = {-0.5f, 1.7f, 0.5f, 0.25f};
    BufferedImage image = ImageGrid.of(images, 1, 2).rows(2).cols(2).separator(2)
        .separatorIntensity(0.5f).build().render();
    Raster raster = image.getRaster();

    assertEquals(2 * 2 + 3 * 2, image.getWidth());
    assertEquals(0, raster.getSample(2, 2, 0));
    assertEquals(255, raster.getSample(3, 2, 0));
    assertEquals(128, raster.getSample(6, 2, 0)); // round(0.5 * 255)
    assertEquals(64, raster.getSample(7, 2, 0)); // round(0.25 * 255) = 63.75 -> 64
    assertEquals(128, raster.getSample(2, 5, 0), "empty cell");
    assertEquals(128, raster.getSample(0, 0, 0), "separator");
  }

  @Test
  void pairsPutTargetsAboveReconstructions() {
    float[] targets = {0.2f, 0.4f, 0.6f};
    float[] reconstructions = {0.8f, 1.0f, 0f};
    ImageGrid grid = ImageGrid.pairs(targets, reconstructions, 1, 1).build();
    Raster raster = grid.render().getRaster();

    assertEquals(7, grid.widthPixels());
    assertEquals(5, grid.heightPixels());
    for (int i = 0; i < 3; i++) {
      assertEquals(Math.round(255 * targets[i]), raster.getSample(1 + 2 * i, 1, 0));
      assertEquals(Math.round(255 * reconstructions[i]), raster.getSample(1 + 2 * i, 3, 0));
    }
  }

  @Test
  void arrayOfImagesMatchesFlatLayoutAndDefaultsToNearSquare() {
    float[][] images = {{0.1f, 0.2f}, {0.3f, 0.4f}, {0.5f, 0.6f}};
    ImageGrid grid = ImageGrid.of(images, 1, 2).build();
    assertEquals("ImageGrid[3 images of 1x2 in 2x2, scale 1, separator 1 px, 7x5 px]",
        grid.toString());
    assertEquals(Math.round(0.6f * 255), grid.render().getRaster().getSample(2, 3, 0));
  }

  @Test
  void badInputNamesTheArgument() {
    float[] nan = new float[2 * 784];
    nan[37] = Float.NaN;
    assertMessage("`images[37]` is NaN (image 0, row 1, col 9)", () -> ImageGrid.of(nan, 28, 28));
    float[] fine = new float[2 * 784];
    assertMessage("`reconstructions[37]` is NaN",
        () -> ImageGrid.pairs(fine, nan, 28, 28));
    assertMessage("`reconstructions` must have length 1568 to match `targets`, got 784",
        () -> ImageGrid.pairs(fine, new float[784], 28, 28));
    assertMessage("`height` and `width` must be positive, got 0x28",
        () -> ImageGrid.of(fine, 0, 28));
    assertMessage("`images` must hold a positive whole number of 28x28 images",
        () -> ImageGrid.of(new float[100], 28, 28));
    assertMessage("`rows` * `cols` (1 * 1 = 1) must be at least the number of images, 2",
        () -> ImageGrid.of(fine, 28, 28).rows(1).cols(1).build());
    assertMessage("`rows` must be positive, got 0", () -> ImageGrid.of(fine, 28, 28).rows(0));
    assertMessage("`scale` must be in [1, 64], got 0", () -> ImageGrid.of(fine, 28, 28).scale(0));
    assertMessage("`images[1]` must have length 4 (height * width), got 3",
        () -> ImageGrid.of(new float[][] {new float[4], new float[3]}, 2, 2));
  }

  @Test
  void failedWriteLeavesExistingTargetAndNoTemporaryFiles() throws IOException {
    // A non-empty directory cannot be replaced by a file: the final rename fails.
    Path target = Files.createDirectories(dir.resolve("grid.png"));
    Files.writeString(target.resolve("keep.txt"), "keep");

    assertThrows(IOException.class,
        () -> ImageGrid.of(samples(), 28, 28).build().writePng(target));

    assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList(), "temporary file left behind");
    }
  }

  @Test
  void plottingRunsHeadless() {
    ImageGrid.of(new float[] {0f}, 1, 1).build().render();
    assertEquals("true", System.getProperty("java.awt.headless"));
  }

  static void assertMessage(String expectedStart, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().startsWith(expectedStart),
        "expected a message starting with <" + expectedStart + ">, got <" + e.getMessage() + ">");
  }
}
