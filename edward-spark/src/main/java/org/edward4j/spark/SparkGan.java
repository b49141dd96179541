package org.edward4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * {@code bin/edward spark gan}: Edward's GAN tutorial on MNIST trained on Spark by synchronous
 * parameter averaging, with a progress line per round, a checkpoint per round (resumed from when
 * the job is started again), a 4x4 grid of samples each time the updates per replica pass a
 * multiple of {@code --print} ({@code samples_001000.png}, ...) and of the final generator
 * ({@code samples_final.png}).
 *
 * <p>The JVM that runs it needs Spark's module options (see docs/DISTRIBUTED.md); on a cluster,
 * submit the shaded jar with {@code spark-submit --class org.edward4j.spark.SparkGan}.
 */
public final class SparkGan {

  private SparkGan() {}

  /**
   * Runs the job.
   *
   * @param argv the flags of {@link SparkGanArgs#USAGE}
   * @throws IOException if the sample grid cannot be written
   */
  public static void main(String[] argv) throws IOException {
    if (argv.length > 0 && (argv[0].equals("--help") || argv[0].equals("-h"))) {
      System.out.print(SparkGanArgs.USAGE);
      return;
    }
    SparkGanArgs args = SparkGanArgs.parse(argv);
    Files.createDirectories(args.out());
    SparkConf conf = new SparkConf().setMaster(args.master()).setAppName("edward4j spark gan");
    if (args.master().startsWith("local")) {
      conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    AveragingOptions options = AveragingOptions.builder()
        .rounds(args.iterations() / args.k()).updatesPerRound(args.k()).batchSize(128)
        .partitions(args.partitions()).averageOptimizerState(args.averageOptimizerState())
        .seed(args.seed()).checkpointDirectory(args.checkpoints())
        .build();
    System.out.println(options);
    long start = System.nanoTime();
    AveragingResult result;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      result = ParameterAveraging.of(new GanTutorialModel(128), options)
          .onAveraged(state -> {
            long updates = state.round() * args.k();
            if (updates / args.print() != (updates - args.k()) / args.print()) { // crossed a multiple of --print
              writeSamplesUnchecked(state, args.seed(), args.out().resolve(String.format("samples_%06d.png", updates)));
            }
          })
          .onRound(r -> System.out.println(r))
          .fit(MnistPartitions.train(sc, args.partitions()));
    }
    if (result.resumedFrom() > 0) {
      System.out.println("resumed from the checkpoint of round " + result.resumedFrom() + " in " + args.checkpoints());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long updates = result.reports().stream().mapToLong(RoundReport::updates).sum();
    Path grid = writeSamples(result.state(), args.seed(), args.out().resolve("samples_final.png"));
    System.out.printf("trained %d rounds (%d updates, %d examples) in %.1f s (%.0f updates/s); samples in %s%n",
        result.reports().size(), updates, updates * 128, seconds, updates / seconds, grid.toAbsolutePath());
  }

  private static void writeSamplesUnchecked(ParameterState state, long seed, Path file) {
    try {
      writeSamples(state, seed, file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Builds the generator, loads its averaged weights, and writes 16 of its samples as a grid. */
  static Path writeSamples(ParameterState state, long seed, Path file) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      Operand<TFloat32> x = GanTutorialModel.generator(ctx, 128);
      List<Variable<?>> vars = new ArrayList<>(ctx.variables().all());
      float[][] values = new float[vars.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = state.values(vars.get(i).name());
      }
      new VariableAssigner(ctx, vars).write(values);
      float[] samples = ctx.eval(x).data();
      int[] idx = new Random(seed).ints(16, 0, 128).toArray();
      float[] chosen = new float[16 * GanTutorialModel.PIXELS];
      for (int i = 0; i < idx.length; i++) {
        System.arraycopy(samples, idx[i] * GanTutorialModel.PIXELS, chosen, i * GanTutorialModel.PIXELS,
            GanTutorialModel.PIXELS);
      }
      return ImageGrid.of(chosen, 28, 28).rows(4).cols(4).scale(2).build().writePng(file);
    }
  }
}
