package org.edward4j.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the big-endian format MNIST ships in: a magic number {@code 0x0000TTDD} (type
 * {@code 08} = unsigned byte, {@code DD} dimensions), one 32-bit size per dimension, then the
 * data.
 *
 * <p>Files may be raw or gzip; the format is recognised from the first two bytes, not the name.
 * Every file is checked for its magic number, positive dimensions and an exact body length, so a
 * truncated download fails here with the file named rather than as odd pixels later.
 *
 * <pre>{@code
 * MnistSplit test = IdxReader.readSplit("test",
 *     Path.of("t10k-images-idx3-ubyte.gz"), Path.of("t10k-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxReader {

  /** Magic number of a 3-dimensional unsigned-byte IDX file (images). */
  public static final int IMAGES_MAGIC = 0x0803;

  /** Magic number of a 1-dimensional unsigned-byte IDX file (labels). */
  public static final int LABELS_MAGIC = 0x0801;

  private static final int GZIP_FIRST_BYTE = 0x1f;
  private static final int GZIP_SECOND_BYTE = 0x8b;

  private IdxReader() {}

  /**
   * Reads a pair of image and label files into one split.
   *
   * @param name the split's name, shown in {@code toString()}, for example {@code "train"}
   * @param images an IDX file with magic 2051 and dimensions count x height x width
   * @param labels an IDX file with magic 2049 and dimension count
   * @return the split, with pixels kept as bytes and scaled to [0, 1] on access
   * @throws CorruptDatasetException when either file is malformed or the counts disagree
   * @throws IOException when a file cannot be read
   */
  public static MnistSplit readSplit(String name, Path images, Path labels) throws IOException {
    Objects.requireNonNull(name, "name");
    int[] imageDims = new int[3];
    byte[] pixels = readBody(images, IMAGES_MAGIC, imageDims);
    int[] labelDims = new int[1];
    byte[] labelBytes = readBody(labels, LABELS_MAGIC, labelDims);
    if (labelDims[0] != imageDims[0]) {
      throw new CorruptDatasetException(
          labels,
          "expected " + imageDims[0] + " labels to match " + images.getFileName()
              + ", found " + labelDims[0]);
    }
    int[] labelValues = new int[labelBytes.length];
    for (int i = 0; i < labelBytes.length; i++) {
      labelValues[i] = labelBytes[i] & 0xFF;
    }
    return new MnistSplit(name, imageDims[1], imageDims[2], pixels, labelValues);
  }

  /**
   * Opens a file's content, decompressing it when it starts with the gzip signature.
   *
   * @param file a raw or gzip file
   * @return a buffered stream of the uncompressed bytes; the caller closes it
   * @throws IOException when the file cannot be opened or its gzip header is damaged
   */
  public static InputStream openContent(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      if (first == GZIP_FIRST_BYTE && second == GZIP_SECOND_BYTE) {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == GZIP_FIRST_BYTE && in.read() == GZIP_SECOND_BYTE;
    }
  }

  /**
   * Reads the header and the exact body of one IDX file.
   *
   * @param dims receives the dimension sizes; its length is the expected number of dimensions
   */
  private static byte[] readBody(Path file, int magic, int[] dims) throws IOException {
    try (DataInputStream in = new DataInputStream(openContent(file))) {
      int foundMagic = in.readInt();
      if (foundMagic != magic) {
        String hint =
            foundMagic == IMAGES_MAGIC || foundMagic == LABELS_MAGIC
                ? " (" + kind(foundMagic) + "; are images and labels swapped?)"
                : "";
        throw new CorruptDatasetException(
            file,
            "expected IDX magic number " + magic + " (" + kind(magic) + "), found " + foundMagic
                + hint);
      }
      long expected = 1;
      for (int d = 0; d < dims.length; d++) {
        dims[d] = in.readInt();
        // MNIST needs no more than 2^31 per dimension; negative means garbage, not a huge file.
        if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
          throw new CorruptDatasetException(
              file, "dimension " + d + " must be positive, found " + dims[d]);
        }
        expected *= dims[d];
      }
      if (expected > Integer.MAX_VALUE - 16) {
        throw new CorruptDatasetException(
            file, "a body of " + expected + " bytes is too large for one array");
      }
      long headerBytes = 4L * (1 + dims.length);
      long rawSize = isGzip(file) ? -1 : Files.size(file);
      // A raw file's size is known, so its body is read into one exact array; a gzip's is not, and
      // readNBytes(n) grows its buffer as bytes arrive rather than trusting a damaged header.
      byte[] body;
      if (rawSize >= 0 && rawSize - headerBytes >= expected) {
        body = new byte[(int) expected];
        in.readNBytes(body, 0, body.length);
      } else {
        body = in.readNBytes((int) expected);
      }
      if (body.length < expected) {
        throw new CorruptDatasetException(
            file,
            "truncated: the header promises " + describe(dims) + " (" + expected
                + " bytes after the header), found only " + body.length);
      }
      if (in.read() != -1) {
        long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
        throw new CorruptDatasetException(
            file,
            "expected " + expected + " bytes after the header for " + describe(dims)
                + ", found " + extra + " extra");
      }
      return body;
    } catch (EOFException | ZipException e) {
      // Thrown by the header reads or by GZIPInputStream when the archive is cut short.
      String detail = e.getMessage() == null ? "the file ends inside the header" : e.getMessage();
      throw new CorruptDatasetException(file, "truncated or damaged: " + detail, e);
    }
  }

  private static String kind(int magic) {
    return magic == IMAGES_MAGIC ? "images" : "labels";
  }

  private static String describe(int[] dims) {
    return dims.length == 1
        ? dims[0] + " labels"
        : dims[0] + " images of " + dims[1] + "x" + dims[2];
  }
}
