package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  @TempDir Path dir;

  private static final byte[] PIXELS = {0, (byte) 255, 51, 102, (byte) 204, 1, 2, 3};
  private static final byte[] LABELS = {7, 3};

  @Test
  void readsRawFilesAndScalesBytesToUnitInterval() throws IOException {
    Path images = write("images", SyntheticMnist.images(2, 2, 2, PIXELS));
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    MnistSplit split = IdxReader.readSplit("tiny", images, labels);

    assertEquals(2, split.size());
    assertEquals(2, split.height());
    assertEquals(2, split.width());
    assertEquals(7, split.label(0));
    assertEquals(3, split.label(1));
    // 255 must map to exactly 1 and 51 to 0.2 (51 / 255), the scaling Edward's loaders use.
    assertEquals(0f, split.pixel(0, 0, 0));
    assertEquals(1f, split.pixel(0, 0, 1));
    assertEquals(51 / 255f, split.pixel(0, 1, 0));
    assertEquals(3 / 255f, split.pixel(1, 1, 1));
  }

  @Test
  void readsGzipRegardlessOfFileName() throws IOException {
    Path images = write("images.raw", SyntheticMnist.gzip(SyntheticMnist.images(2, 2, 2, PIXELS)));
    Path labels = write("labels.gz", SyntheticMnist.gzip(SyntheticMnist.labels(LABELS)));

    MnistSplit split = IdxReader.readSplit("tiny", images, labels);

    assertEquals(204 / 255f, split.pixel(1, 0, 0));
  }

  @Test
  void wrongMagicNamesFileAndBothNumbers() throws IOException {
    Path images = write("images", SyntheticMnist.images(2, 2, 2, PIXELS));
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", labels, images));

    assertEquals(labels, e.file());
    assertTrue(e.getMessage().contains("expected IDX magic number 2051"), e.getMessage());
    assertTrue(e.getMessage().contains("found 2049"), e.getMessage());
  }

  @Test
  void truncatedRawFileSaysHowManyBytesWereExpected() throws IOException {
    byte[] full = SyntheticMnist.images(2, 2, 2, PIXELS);
    Path images = write("images", Arrays.copyOf(full, full.length - 3));
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", images, labels));

    assertTrue(e.getMessage().startsWith(images.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("2 images of 2x2 (8 bytes after the header)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("found only 5"), e.getMessage());
  }

  @Test
  void truncatedGzipIsCorruptNotEof() throws IOException {
    byte[] gz = SyntheticMnist.gzip(SyntheticMnist.images(2, 2, 2, PIXELS));
    Path images = write("images.gz", Arrays.copyOf(gz, gz.length - 10));
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", images, labels));

    assertEquals(images, e.file());
  }

  @Test
  void trailingBytesAreRejected() throws IOException {
    byte[] full = SyntheticMnist.images(2, 2, 2, PIXELS);
    Path images = write("images", Arrays.copyOf(full, full.length + 4));
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", images, labels));

    assertTrue(e.getMessage().contains("found 4 extra"), e.getMessage());
  }

  @Test
  void fileShorterThanHeaderIsCorrupt() throws IOException {
    Path images = write("images", new byte[] {0, 0, 8, 3, 0, 0});
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", images, labels));

    assertTrue(e.getMessage().contains("ends inside the header"), e.getMessage());
  }

  @Test
  void nonPositiveImageDimensionIsCorrupt() throws IOException {
    Path images = write("images", SyntheticMnist.images(2, 0, 2, new byte[0]));
    Path labels = write("labels", SyntheticMnist.labels(LABELS));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", images, labels));

    assertTrue(e.getMessage().contains("dimension 1 must be positive, found 0"), e.getMessage());
  }

  @Test
  void labelCountMustMatchImageCount() throws IOException {
    Path images = write("images", SyntheticMnist.images(2, 2, 2, PIXELS));
    Path labels = write("labels", SyntheticMnist.labels(new byte[] {1, 2, 3}));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class, () -> IdxReader.readSplit("x", images, labels));

    assertEquals(labels, e.file());
    assertTrue(e.getMessage().contains("expected 2 labels"), e.getMessage());
    assertTrue(e.getMessage().contains("found 3"), e.getMessage());
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
