package org.edward4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.criticisms.quality.SampleQuality;
import org.edward4j.criticisms.quality.SplitClassifierScore;
import org.edward4j.examples.classifier.MnistConvNet;
import org.edward4j.models.Uniform;
import org.edward4j.spark.AveragingOptions;
import org.edward4j.spark.AveragingResult;
import org.edward4j.spark.GanTutorialModel;
import org.edward4j.spark.MnistPartitions;
import org.edward4j.spark.ParameterAveraging;
import org.edward4j.spark.RoundReport;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Quality parity of data-parallel training (docs/DISTRIBUTED.md): the tutorial GAN trained on one
 * machine (the {@code gan} example itself) and by synchronous parameter averaging on Spark, for the
 * same number of examples seen, both scored by the same {@link Scorer}.
 *
 * <p>Both paths see the same data the same way: MNIST's 60,000 training images in grey levels,
 * reshuffled every epoch (the {@code gan} example's {@code --binarize false --shuffle true}; each
 * Spark partition reshuffles its share), batches of M = 128, Adam with its defaults on both networks.
 * One machine makes {@code examples / 128} updates; each of the P replicas makes {@code examples /
 * (128 P)} in rounds of k, Adam's state averaged with the weights. The examples each path saw are
 * read back from what it did, not from the settings: the single-machine checkpoint's count of served
 * batches, and the updates of every averaging round.
 */
final class GanParity {

  /** Images per minibatch, the tutorial's M. */
  static final int M = GanExample.M;

  private GanParity() {}

  /**
   * The measurement's size.
   *
   * @param examples examples seen by the Spark path, a multiple of {@code 128 * partitions * k}
   * @param singleExamples examples seen on one machine, a multiple of 128: {@code examples} for the
   *     issue's comparison, {@code examples / partitions} to compare at the same number of updates
   *     of the averaged weights' lineage
   * @param partitions Spark replicas P
   * @param k updates per replica between averagings
   * @param seeds the seeds, one training per path each
   * @param out where each run writes its samples and checkpoints
   */
  record Settings(long examples, long singleExamples, int partitions, int k, List<Long> seeds, Path out) {

    /** Checks every value, naming the setting, the rule and the value. */
    Settings {
      if (partitions < 1) {
        throw new IllegalArgumentException("`partitions` must be at least 1, got " + partitions);
      }
      if (k < 1) {
        throw new IllegalArgumentException("`k` must be at least 1, got " + k);
      }
      long unit = (long) M * partitions * k;
      if (examples < unit || examples % unit != 0) {
        throw new IllegalArgumentException("`examples` must be a positive multiple of 128 x partitions x k = " + unit
            + " (whole rounds on every replica), got " + examples);
      }
      if (singleExamples < M || singleExamples % M != 0 || singleExamples / M > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("`singleExamples` must be a positive multiple of 128 (whole batches) of at most "
            + (long) Integer.MAX_VALUE * M + ", got " + singleExamples);
      }
      seeds = List.copyOf(seeds);
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("`seeds` must hold at least one seed, got none");
      }
      if (seeds.stream().distinct().count() != seeds.size()) {
        throw new IllegalArgumentException("`seeds` must be distinct, got " + seeds);
      }
    }

    /**
     * The comparison: both paths see the same examples.
     *
     * @return settings with {@code singleExamples = examples}
     */
    static Settings sameExamples(long examples, int partitions, int k, List<Long> seeds, Path out) {
      return new Settings(examples, examples, partitions, k, seeds, out);
    }

    /** Updates on one machine. */
    int iterations() {
      return (int) (singleExamples / M);
    }

    /** Averaging rounds on Spark. */
    int rounds() {
      return (int) (examples / ((long) M * partitions * k));
    }
  }

  /**
   * The quality protocol's figures for one generator.
   *
   * @param classifierScore10 classifier score, mean over 10 splits
   * @param classifierScore10Std its population standard deviation over the splits
   * @param frechetDistance Frechet distance of classifier features against the real test images
   */
  record Quality(double classifierScore10, double classifierScore10Std, double frechetDistance) {}

  /** Scores a trained generator. */
  @FunctionalInterface
  interface Scorer {
    /**
     * Scores one generator.
     *
     * @param trained the generator
     * @return its figures
     * @throws IOException if a picture cannot be written
     */
    Quality score(TrainedExample trained) throws IOException;
  }

  /**
   * The {@code quality} command's protocol as a scorer: the classifier score over the usual 10 splits
   * and the Frechet distance, both of {@code samples} generated images.
   *
   * @param classifier the MNIST classifier
   * @param quality the Frechet reference (the real test images' features)
   * @param samples images generated per generator
   * @return the scorer
   */
  static Scorer classifierScorer(MnistConvNet classifier, SampleQuality quality, int samples) {
    return trained -> {
      float[] images = trained.generate(samples);
      SplitClassifierScore split = SplitClassifierScore.of(classifier.classify(images), SplitClassifierScore.USUAL_SPLITS);
      return new Quality(split.mean(), split.std(), quality.measure(images).frechetDistance());
    };
  }

  /**
   * The two comparisons of one measurement, one machine as the baseline.
   *
   * @param score the 10-split classifier scores
   * @param frechet the Frechet distances
   */
  record Verdicts(ParityVerdict score, ParityVerdict frechet) {

    /**
     * Compares the single-machine runs with the Spark runs.
     *
     * @param runs what {@link GanParity#run} returned
     * @return both verdicts
     */
    static Verdicts of(List<Run> runs) {
      List<Run> single = runs.stream().filter(r -> r.path().equals("single")).toList();
      List<Run> spark = runs.stream().filter(r -> r.path().equals("spark")).toList();
      return new Verdicts(
          ParityVerdict.of("classifier score (10 splits)",
              single.stream().map(r -> r.quality().classifierScore10()).toList(),
              spark.stream().map(r -> r.quality().classifierScore10()).toList()),
          ParityVerdict.of("Frechet distance",
              single.stream().map(r -> r.quality().frechetDistance()).toList(),
              spark.stream().map(r -> r.quality().frechetDistance()).toList()));
    }
  }

  /**
   * One trained generator.
   *
   * @param path {@code single} or {@code spark}
   * @param seed its seed
   * @param examplesSeen examples it trained on, read back from the run
   * @param updates optimizer updates of the trained weights' lineage (one machine: all; Spark: per replica)
   * @param trainSeconds the training's wall time
   * @param quality its scores
   */
  record Run(String path, long seed, long examplesSeen, long updates, double trainSeconds, Quality quality) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-6s seed %d: %,d examples (%d updates) in %.0f s; classifier score %.3f"
              + " (10 splits, sd %.3f), Frechet distance %.2f", path, seed, examplesSeen, updates, trainSeconds,
          quality.classifierScore10(), quality.classifierScore10Std(), quality.frechetDistance());
    }
  }

  /**
   * Trains and scores both paths for every seed, one machine first.
   *
   * @param sc the Spark context of the data-parallel runs
   * @param settings the size
   * @param scorer scores each generator
   * @param log progress lines
   * @return the single-machine runs, then the Spark runs, each in seed order
   * @throws IOException if a run cannot write its pictures or checkpoints
   */
  static List<Run> run(JavaSparkContext sc, Settings settings, Scorer scorer, PrintStream log) throws IOException {
    List<Run> single = new ArrayList<>();
    List<Run> spark = new ArrayList<>();
    for (long seed : settings.seeds()) {
      single.add(single(settings, seed, scorer));
      log.println(single.get(single.size() - 1));
      spark.add(spark(sc, settings, seed, scorer, log));
      log.println(spark.get(spark.size() - 1));
    }
    List<Run> all = new ArrayList<>(single);
    all.addAll(spark);
    return all;
  }

  /** The {@code gan} example itself, grey levels reshuffled each epoch, scored when training ends. */
  private static Run single(Settings settings, long seed, Scorer scorer) throws IOException {
    Path dir = settings.out().resolve("single-seed" + seed);
    int iterations = settings.iterations();
    Quality[] quality = new Quality[1];
    long start = System.nanoTime();
    double[] seconds = new double[1];
    GanExample.run(iterations, iterations, dir, seed, trained -> {
      seconds[0] = (System.nanoTime() - start) / 1e9;
      quality[0] = scorer.score(trained);
    }, TrainingCheckpoints.atEnd(dir), new TutorialData(false, true));
    Path checkpoint = Checkpoints.latest(dir.resolve("checkpoints"))
        .orElseThrow(() -> new IllegalStateException("the gan example saved no checkpoint in " + dir));
    long batches = CheckpointReader.open(checkpoint).metadata().getOrDefault(TrainingCheckpoints.BATCHES, -1L);
    return new Run("single", seed, batches * M, batches, seconds[0], quality[0]);
  }

  /** Synchronous parameter averaging on Spark, its last checkpoint restored into the example's generator and scored. */
  private static Run spark(JavaSparkContext sc, Settings settings, long seed, Scorer scorer, PrintStream log)
      throws IOException {
    Path checkpoints = settings.out().resolve("spark-seed" + seed).resolve("checkpoints");
    AveragingOptions options = AveragingOptions.builder()
        .rounds(settings.rounds()).updatesPerRound(settings.k()).batchSize(M).partitions(settings.partitions())
        .averageOptimizerState(true).shuffle(true).seed(seed).checkpointDirectory(checkpoints).maxCheckpoints(1)
        .build();
    long start = System.nanoTime();
    int every = Math.max(1, settings.rounds() / 10);
    AveragingResult result = ParameterAveraging.of(new GanTutorialModel(M), options)
        .onRound(r -> {
          if (r.round() % every == 0 || r.round() == r.rounds()) {
            log.println("  " + r);
          }
        })
        .fit(MnistPartitions.train(sc, settings.partitions()));
    double seconds = (System.nanoTime() - start) / 1e9;
    if (result.resumedFrom() > 0) {
      throw new IllegalStateException(checkpoints + " held an earlier run's checkpoint (round " + result.resumedFrom()
          + "): the measurement needs a fresh directory");
    }
    long updates = result.reports().stream().mapToLong(RoundReport::updates).sum();
    Path checkpoint = Checkpoints.latest(checkpoints)
        .orElseThrow(() -> new IllegalStateException("the Spark job saved no checkpoint in " + checkpoints));
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope gen = ctx.scope("Gen");
      Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(M, GanExample.D).build();
      Operand<TFloat32> x = GanExample.generativeNetwork(gen, eps);
      Checkpoints.restore(ctx, checkpoint, "Gen");
      Quality quality = scorer.score(TrainedExample.ofSampler(ctx, x));
      return new Run("spark", seed, updates * M, updates / settings.partitions(), seconds, quality);
    }
  }
}
