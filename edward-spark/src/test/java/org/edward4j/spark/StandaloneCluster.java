package org.edward4j.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Spark standalone master and workers on localhost, started as child JVMs from the classes on
 * this JVM's class path (Maven's, no Spark distribution), and stopped with every executor they
 * launched, even when a test fails or the JVM exits.
 *
 * <p>What works, found by trying: a worker launches executors with the class path of {@code
 * $SPARK_HOME/jars/*}, so the cluster gets a {@code SPARK_HOME} of its own whose {@code jars}
 * directory links every jar of this class path (Spark, TensorFlow, their dependencies), with
 * {@code SPARK_SCALA_VERSION=2.13} (otherwise Spark's launcher looks for a build tree). The
 * application's own classes (edward4j's modules and the tests, class directories in a Maven
 * build) travel as an application jar in {@code spark.jars} ({@link #applicationJar}); executors
 * fetch it from the driver. Executors get Spark's Java 17 module options from the driver's
 * {@code SparkContext} by themselves.
 */
final class StandaloneCluster implements AutoCloseable {

  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll);
  private final int port;
  private final int webUiPort;

  private StandaloneCluster(Path home, int port, int webUiPort) {
    this.home = home;
    this.port = port;
    this.webUiPort = webUiPort;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts a master and {@code workers} workers of one core and {@code memoryMb} MB each, and
   * waits until every worker has registered.
   */
  static StandaloneCluster start(Path dir, int workers, int memoryMb, long timeoutMillis)
      throws IOException, InterruptedException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : classPath()) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
    StandaloneCluster cluster = new StandaloneCluster(home, freePort(), freePort());
    try {
      Path masterLog = dir.resolve("master.log");
      cluster.launch(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(cluster.webUiPort));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        cluster.launch(dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--cores", "1", "--memory", memoryMb + "m", "--webui-port", String.valueOf(freePort()),
            "--work-dir", work.toString(), cluster.masterUrl());
      }
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (cluster.aliveWorkers() < workers) {
        for (Process p : cluster.processes) {
          if (!p.isAlive()) {
            throw new IllegalStateException("a cluster JVM exited with " + p.exitValue() + "; logs in " + dir);
          }
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(cluster.aliveWorkers() + " of " + workers + " workers registered within "
              + timeoutMillis + " ms; logs in " + dir);
        }
        Thread.sleep(250);
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The master's URL, {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  /** The running executor JVMs (children of the workers), by process id. */
  List<ProcessHandle> executors() {
    List<ProcessHandle> out = new ArrayList<>();
    for (Process p : processes) {
      p.toHandle().children().filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
          .forEach(out::add);
    }
    return out;
  }

  /**
   * Packs the class directories of this JVM's class path (edward4j's modules and the tests in a
   * Maven build) into one jar for {@code spark.jars}.
   */
  static Path applicationJar(Path file) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String entry : classPath()) {
        Path dir = Path.of(entry);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            String name = dir.relativize(f).toString().replace('\\', '/');
            if (!name.equals("META-INF/MANIFEST.MF") && seen.add(name)) {
              out.putNextEntry(new JarEntry(name));
              Files.copy(f, out);
              out.closeEntry();
            }
            return FileVisitResult.CONTINUE;
          }
        });
      }
    }
    return file;
  }

  /** The test class path: Surefire's (its booter jar hides it from java.class.path), else the JVM's. */
  static List<String> classPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).toList();
  }

  /** The JVM options of this module's tests (Spark's module options), from Surefire's argLine. */
  static List<String> sparkJvmOptions() {
    List<String> out = new ArrayList<>();
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Dio.netty") || arg.startsWith("-Dorg.bytedeco")) {
        out.add(arg);
      }
    }
    return out;
  }

  private void launch(Path log, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx256m"));
    cmd.addAll(sparkJvmOptions());
    cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath()), mainClass));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    processes.add(pb.start());
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The workers the master counts alive, from its web UI's JSON status page (the logs are no
   * guide: this module's test log configuration hides Spark's INFO lines); 0 while it starts.
   */
  private int aliveWorkers() {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection)
          java.net.URI.create("http://127.0.0.1:" + webUiPort + "/json/").toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(5000);
      try (var in = c.getInputStream()) {
        String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return 0; // not listening yet
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Kills every executor first (a worker killed first would orphan them), then workers and master. */
  private synchronized void stopAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs anyway
    }
  }

}
