package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache whose files were changed after they were fetched: small synthetic IDX files, a loopback
 * mirror where one is needed, no network.
 */
class DamagedCacheTest {

  @TempDir Path cache;

  private final SyntheticMnist data = new SyntheticMnist(3);
  private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private MnistFetcher offline() {
    return data.expectHashes(MnistFetcher.builder().cacheDirectory(cache).mirrors(List.of()).withoutNpm().offline(false)
        .progress(new PrintStream(progressBytes, true, StandardCharsets.UTF_8))).build();
  }

  @Test
  void aVerifiedCacheLoadsAndRemembersWhatItHashed() throws IOException {
    data.writeRaw(cache, MnistFile.values());
    Mnist mnist = offline().load();
    assertEquals(SyntheticMnist.TRAIN, mnist.train().size());
    assertEquals(List.of(MnistFile.TEST_IMAGES.fileName(), MnistFile.TEST_LABELS.fileName(),
        MnistFile.TRAIN_IMAGES.fileName(), MnistFile.TRAIN_LABELS.fileName()), VerifiedCache.open(cache).verifiedNames());
  }

  @Test
  void anOverwrittenPixelIsFoundNamedAndMovedAsideWhenNoSourceCanRefetchIt() throws IOException {
    data.writeRaw(cache, MnistFile.values());
    offline().load();
    Path images = cache.resolve(MnistFile.TRAIN_IMAGES.fileName());
    byte[] bytes = Files.readAllBytes(images);
    bytes[bytes.length - 1] ^= 0x55; // a pixel of the last image; header and size intact
    Files.write(images, bytes);
    Files.setLastModifiedTime(images, FileTime.fromMillis(Files.getLastModifiedTime(images).toMillis() + 1000));

    CorruptDatasetException e = assertThrows(CorruptDatasetException.class, () -> offline().load());
    assertEquals(images, e.file());
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte is damaged") && e.getMessage().contains("expected "
        + data.sha256(MnistFile.TRAIN_IMAGES)) && e.getMessage().contains("put a good copy"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertFalse(Files.exists(images), "a damaged file must not be used again");
    assertArrayEquals(bytes, Files.readAllBytes(cache.resolve(images.getFileName() + ".damaged")));
  }

  @Test
  void anOverwrittenLabelIsFetchedAgainFromAMirror() throws IOException {
    data.writeRaw(cache, MnistFile.values());
    Path labels = cache.resolve(MnistFile.TEST_LABELS.fileName());
    byte[] bytes = Files.readAllBytes(labels);
    bytes[bytes.length - 1] = (byte) ((bytes[bytes.length - 1] + 1) % 10); // still a valid label
    Files.write(labels, bytes);
    URI mirror = serveGzip();

    Mnist mnist = data.expectHashes(MnistFetcher.builder().cacheDirectory(cache).mirrors(List.of(mirror)).withoutNpm().offline(false)
        .progress(new PrintStream(progressBytes, true, StandardCharsets.UTF_8))).build().load();

    assertEquals(1, requests.get(), "only the damaged file is fetched again");
    assertArrayEquals(data.gzip(MnistFile.TEST_LABELS), Files.readAllBytes(cache.resolve(MnistFile.TEST_LABELS.gzipFileName())));
    byte[] original = data.raw(MnistFile.TEST_LABELS);
    assertEquals(original[original.length - 1], (byte) mnist.test().labels()[SyntheticMnist.TEST - 1]);
    assertTrue(progressBytes.toString(StandardCharsets.UTF_8).contains("t10k-labels-idx1-ubyte is damaged"));
  }

  @Test
  void aTruncatedFileIsDamagedNotARawReaderError() throws IOException {
    data.writeRaw(cache, MnistFile.values());
    Path labels = cache.resolve(MnistFile.TRAIN_LABELS.fileName());
    byte[] bytes = Files.readAllBytes(labels);
    Files.write(labels, java.util.Arrays.copyOf(bytes, bytes.length - 2));
    CorruptDatasetException e = assertThrows(CorruptDatasetException.class, () -> offline().load());
    assertTrue(e.getMessage().contains("train-labels-idx1-ubyte is damaged"), e.getMessage());
  }

  @Test
  void unchangedFilesAreNotHashedAgain() throws IOException {
    data.writeRaw(cache, MnistFile.values());
    offline().load();
    // Same size, same modification time, different bytes: only a hash would see it, and the
    // sidecar's shortcut skips the hash. (The documented limit of the cheap check.)
    Path images = cache.resolve(MnistFile.TEST_IMAGES.fileName());
    FileTime time = Files.getLastModifiedTime(images);
    byte[] bytes = Files.readAllBytes(images);
    bytes[bytes.length - 1] ^= 1;
    Files.write(images, bytes);
    Files.setLastModifiedTime(images, time);
    offline().load();
    // Deleting the sidecar forces the full check.
    Files.delete(cache.resolve(VerifiedCache.SIDECAR));
    assertThrows(CorruptDatasetException.class, () -> offline().load());
  }

  @Test
  void aCacheDirectoryThatIsAFileIsOneClearSentence() throws IOException {
    Path file = Files.writeString(cache.resolve("not-a-dir"), "x");
    MnistFetcher fetcher = data.expectHashes(MnistFetcher.builder().cacheDirectory(file.resolve("mnist")).mirrors(List.of())
        .withoutNpm().offline(false)).build();
    IOException e = assertThrows(IOException.class, fetcher::load);
    assertTrue(e.getMessage().contains("MNIST cache directory") && e.getMessage().contains(file + " is a file, not a directory"),
        e.getMessage());
  }

  private URI serveGzip() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
    server.createContext("/m/", exchange -> {
      requests.incrementAndGet();
      byte[] body = null;
      for (MnistFile f : MnistFile.values()) {
        if (exchange.getRequestURI().getPath().equals("/m/" + f.gzipFileName())) {
          body = data.gzip(f);
        }
      }
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (body != null) {
          out.write(body);
        }
      }
    });
    return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/m/");
  }
}
