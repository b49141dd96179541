package org.edward4j.plots;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.edward4j.core.io.AtomicFiles;

/** Writes PNGs atomically and keeps AWT headless, the two things every plot needs. */
final class PngOutput {

  private PngOutput() {}

  /**
   * Sets {@code java.awt.headless=true} unless the application already chose, so that plotting
   * works on servers without a display. Effective only before AWT first initialises, which is
   * why every plot class calls it from its static initialiser.
   */
  static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Encodes {@code image} as PNG into {@code target} through a temporary file and a rename.
   *
   * @return {@code target}
   * @throws IOException when encoding or renaming fails; an existing target is left as it was
   */
  static Path write(Path target, RenderedImage image) throws IOException {
    return AtomicFiles.write(target, out -> {
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
      if (!writers.hasNext()) {
        throw new IOException("this Java runtime has no PNG encoder");
      }
      ImageWriter writer = writers.next();
      // A memory cache, unlike ImageIO.write's default, leaves no cache file in java.io.tmpdir.
      try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(image);
      } finally {
        writer.dispose();
      }
    });
  }
}
