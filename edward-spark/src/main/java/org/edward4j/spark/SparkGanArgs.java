package org.edward4j.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flags of {@link SparkGan}: the single-machine GAN example's ({@code --iterations},
 * {@code --print}, {@code --out}, {@code --seed}) plus Spark's ({@code --master},
 * {@code --partitions}, {@code --k}, {@code --average-optimizer-state}, {@code --checkpoints}).
 *
 * @param master the Spark master URL, e.g. {@code local[2]} or {@code spark://host:7077}
 * @param iterations updates per replica in all, as the single-machine example's iterations
 * @param print updates per replica between sample grids (a grid after the round that passes each multiple)
 * @param out the output directory
 * @param seed the job's seed
 * @param partitions replicas (partitions of the data)
 * @param k updates per round
 * @param averageOptimizerState whether Adam's state is averaged too
 * @param checkpoints the checkpoint directory (resumed from when it holds one)
 */
record SparkGanArgs(String master, int iterations, int print, Path out, long seed, int partitions, int k,
    boolean averageOptimizerState, Path checkpoints) {

  static final String USAGE = """
      usage: spark gan [--master URL] [--iterations N] [--print N] [--out DIR] [--seed S]
                       [--partitions P] [--k K] [--average-optimizer-state true|false] [--checkpoints DIR]
        Edward's GAN tutorial on MNIST trained on Spark by synchronous parameter averaging.
        --master                   Spark master URL (default local[2])
        --iterations               updates per replica in all (default 15000)
        --print                    updates between sample grids (default 1000)
        --out                      output directory (default out/spark-gan)
        --seed                     seed (default 42)
        --partitions               replicas, one per partition (default 2)
        --k                        updates per replica between averagings (default 100)
        --average-optimizer-state  average Adam's moments too (default true)
        --checkpoints              checkpoint directory, resumed from (default OUT/checkpoints)
      """;

  static SparkGanArgs parse(String... argv) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("master", "local[2]");
    v.put("iterations", "15000");
    v.put("print", "1000");
    v.put("out", "out/spark-gan");
    v.put("seed", "42");
    v.put("partitions", "2");
    v.put("k", "100");
    v.put("average-optimizer-state", "true");
    v.put("checkpoints", "");
    for (int i = 0; i < argv.length; i++) {
      String flag = argv[i];
      String name = flag.startsWith("--") ? flag.substring(2) : "";
      if (!v.containsKey(name)) {
        throw new IllegalArgumentException("unknown flag `" + flag + "`; flags are --" + String.join(", --", v.keySet()));
      }
      if (i + 1 >= argv.length) {
        throw new IllegalArgumentException("flag `" + flag + "` needs a value");
      }
      v.put(name, argv[++i]);
    }
    Path out = Path.of(v.get("out"));
    String bool = v.get("average-optimizer-state");
    if (!bool.equals("true") && !bool.equals("false")) {
      throw new IllegalArgumentException("`--average-optimizer-state` must be true or false, got " + bool);
    }
    SparkGanArgs args = new SparkGanArgs(v.get("master"), positive(v, "iterations"), positive(v, "print"), out,
        number(v, "seed"), positive(v, "partitions"), positive(v, "k"), Boolean.parseBoolean(bool),
        v.get("checkpoints").isEmpty() ? out.resolve("checkpoints") : Path.of(v.get("checkpoints")));
    if (args.iterations % args.k != 0) {
      throw new IllegalArgumentException("`--iterations` must be a multiple of `--k` = " + args.k + " (whole rounds), got "
          + args.iterations);
    }
    return args;
  }

  private static int positive(Map<String, String> v, String name) {
    long n = number(v, name);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("`--" + name + "` must be a positive integer, got " + v.get(name));
    }
    return (int) n;
  }

  private static long number(Map<String, String> v, String name) {
    try {
      return Long.parseLong(v.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("`--" + name + "` must be an integer, got " + v.get(name), e);
    }
  }
}
