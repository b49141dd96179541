package org.edward4j.datasets;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where downloaded datasets live: one subdirectory per dataset under a cache root.
 *
 * <p>The root is, first match wins: the system property {@value #PROPERTY}, the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, else {@code ~/.cache/edward4j}. So MNIST lands in
 * {@code ~/.cache/edward4j/mnist} by default and in {@code /data/edward4j/mnist} after {@code
 * -Dedward4j.cache.dir=/data/edward4j}. The property wins over the environment because it is the
 * more local setting (one JVM rather than one shell).
 *
 * <pre>{@code
 * Path mnist = DatasetCache.directoryFor("mnist");
 * }</pre>
 */
public final class DatasetCache {

  /** System property naming the cache root. */
  public static final String PROPERTY = "edward4j.cache.dir";

  /** Environment variable naming the cache root, used when the property is unset. */
  public static final String ENVIRONMENT_VARIABLE = "EDWARD4J_CACHE_DIR";

  private DatasetCache() {}

  /**
   * Returns the cache root from the property, the environment or the default.
   *
   * @return an absolute path; it may not exist yet
   */
  public static Path root() {
    return root(System::getProperty, System::getenv, Path.of(System.getProperty("user.home")));
  }

  /**
   * Returns the directory for one dataset under {@link #root()}.
   *
   * @param dataset a plain directory name such as {@code "mnist"}
   * @return an absolute path; it may not exist yet
   * @throws IllegalArgumentException when {@code dataset} is blank or contains a separator
   */
  public static Path directoryFor(String dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (dataset.isBlank() || dataset.contains("/") || dataset.contains("\\")
        || dataset.equals("..")) {
      throw new IllegalArgumentException(
          "`dataset` must be a plain directory name, got \"" + dataset + "\"");
    }
    return root().resolve(dataset);
  }

  /** The resolution rule with its inputs injected, so tests need not touch the real settings. */
  static Path root(UnaryOperator<String> properties, UnaryOperator<String> environment,
      Path home) {
    String fromProperty = properties.apply(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Path.of(fromProperty).toAbsolutePath();
    }
    String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment).toAbsolutePath();
    }
    return home.resolve(".cache").resolve("edward4j").toAbsolutePath();
  }
}
