package org.edward4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Downloads files over HTTP(S) into a given temporary file, remembering which hosts could not be
 * reached so that the remaining files skip them instead of waiting out the timeout again.
 */
final class MirrorDownload {

  /** Thrown when the server could not be reached at all (DNS, refused, connect timeout). */
  static final class UnreachableException extends IOException {
    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final long MEGABYTE = 1_000_000;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final PrintStream progress;
  private final Set<String> unreachableHosts = new HashSet<>();

  MirrorDownload(Duration connectTimeout, Duration requestTimeout, PrintStream progress) {
    // The default proxy selector honours -Dhttps.proxyHost, which the client otherwise ignores.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .proxy(ProxySelector.getDefault())
            .build();
    this.requestTimeout = requestTimeout;
    this.progress = progress;
  }

  /** Returns whether an earlier call found this URL's host unreachable. */
  boolean knownUnreachable(URI url) {
    return unreachableHosts.contains(hostKey(url));
  }

  /**
   * Writes the body of {@code url} to {@code target}, replacing its content.
   *
   * @throws UnreachableException when no connection could be made
   * @throws IOException on an HTTP error status or a broken transfer
   */
  void download(URI url, Path target) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      unreachableHosts.add(hostKey(url));
      String reason = hasCause(e, UnresolvedAddressException.class)
          ? "unknown host " + url.getHost()
          : describe(e);
      throw new UnreachableException("could not connect (" + reason + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to " + url);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP status " + response.statusCode());
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      copyWithProgress(url, body, target, length);
    }
  }

  private void copyWithProgress(URI url, InputStream body, Path target, long length)
      throws IOException {
    String name = Path.of(url.getPath()).getFileName().toString();
    progress.printf(Locale.ROOT, "Downloading %s%n", url);
    byte[] buffer = new byte[1 << 16];
    long copied = 0;
    long nextReport = reportStep(length);
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      for (int n; (n = body.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        copied += n;
        if (copied >= nextReport) {
          report(name, copied, length);
          nextReport += reportStep(length);
        }
      }
    }
    if (length >= 0 && copied != length) {
      throw new IOException("transfer ended after " + copied + " of " + length + " bytes");
    }
  }

  /** One line per tenth of a known length, else per 5 MB: enough to show life, not a flood. */
  private static long reportStep(long length) {
    return length > 0 ? Math.max(1, length / 10) : 5 * MEGABYTE;
  }

  private void report(String name, long copied, long length) {
    if (length > 0) {
      progress.printf(
          Locale.ROOT, "  %s: %3d%% of %s%n", name, copied * 100 / length, size(length));
    } else {
      progress.printf(Locale.ROOT, "  %s: %s%n", name, size(copied));
    }
  }

  private static String size(long bytes) {
    return bytes < MEGABYTE
        ? String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MEGABYTE);
  }

  private static String hostKey(URI url) {
    return url.getScheme() + "://" + url.getAuthority();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Describes an exception with its causes, because HttpClient often wraps the telling one
   * without a message. Our own {@link UnreachableException} already names its cause.
   */
  static String describe(Throwable e) {
    if (e instanceof UnreachableException) {
      return e.getMessage();
    }
    StringBuilder text = new StringBuilder();
    String previous = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String part = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (!part.equals(previous)) {
        text.append(text.length() > 0 ? ": " : "").append(part);
      }
      previous = part;
    }
    return text.toString();
  }
}
